/* Enums used as switch selectors: a tiny state machine. */
#include <stdio.h>

enum state { IDLE, RUNNING, PAUSED, STOPPED };
enum event { EV_START, EV_PAUSE, EV_RESUME, EV_STOP, EV_RESET };

static const char *state_name(enum state s) {
    switch (s) {
    case IDLE: return "idle";
    case RUNNING: return "running";
    case PAUSED: return "paused";
    case STOPPED: return "stopped";
    }
    return "?";
}

static enum state step(enum state s, enum event e) {
    switch (s) {
    case IDLE:
        if (e == EV_START) return RUNNING;
        break;
    case RUNNING:
        switch (e) {
        case EV_PAUSE: return PAUSED;
        case EV_STOP: return STOPPED;
        default: break;
        }
        break;
    case PAUSED:
        if (e == EV_RESUME) return RUNNING;
        if (e == EV_STOP) return STOPPED;
        break;
    case STOPPED:
        if (e == EV_RESET) return IDLE;
        break;
    }
    return s;
}

int main(void) {
    enum event script[] = {EV_PAUSE, EV_START, EV_START, EV_PAUSE, EV_RESUME, EV_STOP,
                           EV_START, EV_RESET, EV_START, EV_STOP};
    const char *event_names[] = {"start", "pause", "resume", "stop", "reset"};
    enum state s = IDLE;
    int changes = 0;
    for (unsigned i = 0; i < sizeof script / sizeof script[0]; i++) {
        enum state next = step(s, script[i]);
        printf("%-8s --%-6s--> %s\n", state_name(s), event_names[script[i]], state_name(next));
        if (next != s) changes++;
        s = next;
    }
    printf("changes %d, final %s\n", changes, state_name(s));
    return 0;
}
