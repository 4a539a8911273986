/* GNU __attribute__((packed)) removes padding; aligned raises alignment. */
#include <stdio.h>
#include <stddef.h>
#include <string.h>

struct normal { char c; int i; short s; };
struct __attribute__((packed)) packed { char c; int i; short s; };
struct header {
    unsigned char version;
    unsigned int length;
    unsigned short checksum;
} __attribute__((packed));
struct aligned { char c; } __attribute__((aligned(8)));

int main(void) {
    printf("normal %zu packed %zu header %zu aligned %zu\n", sizeof(struct normal), sizeof(struct packed),
           sizeof(struct header), sizeof(struct aligned));
    printf("packed offsets %zu %zu %zu\n", offsetof(struct packed, c), offsetof(struct packed, i),
           offsetof(struct packed, s));
    printf("normal offsets %zu %zu %zu\n", offsetof(struct normal, c), offsetof(struct normal, i),
           offsetof(struct normal, s));

    struct header h = {2, 0x01020304, 0xBEEF};
    unsigned char bytes[sizeof h];
    memcpy(bytes, &h, sizeof h);
    for (size_t k = 0; k < sizeof h; k++) printf("%02x ", bytes[k]);
    printf("\n");

    /* reading fields back from a packed byte image */
    unsigned char image[7] = {9, 0x10, 0x20, 0x30, 0x40, 0x34, 0x12};
    struct header r;
    memcpy(&r, image, sizeof r);
    printf("version %u length %#x checksum %#x\n", r.version, r.length, r.checksum);

    struct packed arr[3];
    printf("array of packed %zu\n", sizeof arr);
    (void)arr;
    return 0;
}
