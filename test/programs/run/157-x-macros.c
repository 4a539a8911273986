/* X-macros: one list of entries expanded into an enum, a name table and a switch. */
#include <stdio.h>

#define COLORS(X) \
    X(RED, 0xff0000) \
    X(GREEN, 0x00ff00) \
    X(BLUE, 0x0000ff) \
    X(WHITE, 0xffffff) \
    X(BLACK, 0x000000)

#define AS_ENUM(name, rgb) COLOR_##name,
#define AS_NAME(name, rgb) #name,
#define AS_RGB(name, rgb) rgb,
#define AS_CASE(name, rgb) case COLOR_##name: return (rgb >> 16) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
#define AS_COUNT(name, rgb) +1

enum color { COLORS(AS_ENUM) COLOR_COUNT };
static const char *const color_names[] = {COLORS(AS_NAME)};
static const unsigned color_rgb[] = {COLORS(AS_RGB)};

static int brightness(enum color c) {
    switch (c) {
    COLORS(AS_CASE)
    default: return -1;
    }
}

#define OPS(X) X(add, +) X(sub, -) X(mul, *)
#define DEFINE_OP(name, op) static int op_##name(int a, int b) { return a op b; }
OPS(DEFINE_OP)
#define OP_ENTRY(name, op) {#name, #op, op_##name},
static const struct { const char *name, *symbol; int (*fn)(int, int); } ops[] = {OPS(OP_ENTRY)};

int main(void) {
    printf("%d colors (counted %d)\n", COLOR_COUNT, 0 COLORS(AS_COUNT));
    for (int c = 0; c < COLOR_COUNT; c++)
        printf("%-5s #%06x brightness %d\n", color_names[c], color_rgb[c], brightness((enum color)c));
    for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++)
        printf("%s: 9 %s 4 = %d\n", ops[i].name, ops[i].symbol, ops[i].fn(9, 4));
    return 0;
}
