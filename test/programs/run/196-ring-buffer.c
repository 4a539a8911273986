/* A fixed-size ring buffer queue with wrap-around indices, used for a sliding-window average. */
#include <stdio.h>

#define CAP 8

struct ring { double data[CAP]; unsigned head, tail, count; };

static int ring_push(struct ring *r, double v) {
    if (r->count == CAP) return 0;
    r->data[r->tail] = v;
    r->tail = (r->tail + 1) % CAP;
    r->count++;
    return 1;
}

static int ring_pop(struct ring *r, double *out) {
    if (r->count == 0) return 0;
    *out = r->data[r->head];
    r->head = (r->head + 1) % CAP;
    r->count--;
    return 1;
}

int main(void) {
    struct ring r = {{0}, 0, 0, 0};
    int pushed = 0;
    for (int i = 0; i < 10; i++) pushed += ring_push(&r, i * 1.5);
    printf("pushed %d of 10, count %u\n", pushed, r.count);
    double v;
    for (int i = 0; i < 3; i++) {
        ring_pop(&r, &v);
        printf("popped %.1f\n", v);
    }
    for (int i = 0; i < 3; i++) ring_push(&r, 100 + i);
    printf("head %u tail %u count %u:", r.head, r.tail, r.count);
    while (ring_pop(&r, &v)) printf(" %.1f", v);
    printf("\nempty pop returns %d\n", ring_pop(&r, &v));

    /* moving average over a window of 4 samples */
    double samples[] = {1, 2, 3, 4, 5, 10, 20, 30, 40, 0, 0, 0};
    struct ring w = {{0}, 0, 0, 0};
    double sum = 0;
    for (int i = 0; i < 12; i++) {
        if (w.count == 4) {
            double old;
            ring_pop(&w, &old);
            sum -= old;
        }
        ring_push(&w, samples[i]);
        sum += samples[i];
        printf("%5.2f%s", sum / w.count, i % 6 == 5 ? "\n" : " ");
    }

    /* unsigned index arithmetic that wraps past UINT_MAX stays consistent with % CAP */
    unsigned big = 4294967288u;
    printf("indices near UINT_MAX:");
    for (int i = 0; i < 10; i++, big++) printf(" %u", big % CAP);
    printf("\n");
    return 0;
}
