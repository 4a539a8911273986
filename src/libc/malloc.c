/* The allocator: malloc, free, calloc, realloc over the heap at the end of linear memory.
 * In: the heap from `__builtin_heap_base()` to the end of memory, grown with
 * `__builtin_wasm_memory_grow` (fragment ABI). Out: 16-byte aligned blocks; NULL (errno
 * ENOMEM) when memory cannot grow.
 *
 * Every block starts with a 16-byte header, so payloads stay 16-aligned: the block size
 * (a multiple of 16, low bit set while in use) and the size of the previous block when that
 * one is free (0 when it is in use or there is none). That boundary tag lets free() merge
 * with both neighbours in constant time, so no two free blocks are ever adjacent and no free
 * block touches the top of the heap (it is given back to the untouched region instead).
 * Free blocks wait in 48 lists by power-of-two size class; malloc takes the first fit in its
 * own class, else any block of a larger class, else carves from the top. */

#define NULL ((void *)0)
#define MALLOC_INUSE 1UL
#define MALLOC_HEADER 16UL
#define MALLOC_MIN_BLOCK 32UL
#define MALLOC_BINS 48
#define MALLOC_PAGE 65536UL
/* No request this large can succeed in a 32-bit memory; refusing it early avoids overflow. */
#define MALLOC_MAX_REQUEST 0xFFFF0000UL
#define MALLOC_ENOMEM 12

void *memcpy(void *dst, const void *src, unsigned long n);
void *memset(void *dst, int c, unsigned long n);
extern int errno;

struct malloc_block {
    unsigned long size;
    unsigned long prev_free;
    /* Only while the block is free, in what is otherwise its payload: */
    struct malloc_block *next;
    struct malloc_block *prev;
};

static struct malloc_block *malloc_bins[MALLOC_BINS];
static unsigned long malloc_top;  /* first byte after the last block */
static unsigned long malloc_end;  /* end of linear memory as far as we know */
static int malloc_ready;

static void malloc_init(void)
{
    unsigned long base = (unsigned long)__builtin_heap_base();
    malloc_top = (base + 15) & ~15UL;
    malloc_end = (unsigned long)__builtin_wasm_memory_size(0) * MALLOC_PAGE;
    malloc_ready = 1;
}

static int malloc_bin_of(unsigned long size)
{
    int bin = 0;
    size >>= 5;
    while (size > 1 && bin < MALLOC_BINS - 1) {
        size >>= 1;
        bin++;
    }
    return bin;
}

static void malloc_link(struct malloc_block *b)
{
    int bin = malloc_bin_of(b->size);
    b->prev = NULL;
    b->next = malloc_bins[bin];
    if (b->next)
        b->next->prev = b;
    malloc_bins[bin] = b;
}

static void malloc_unlink(struct malloc_block *b)
{
    if (b->prev)
        b->prev->next = b->next;
    else
        malloc_bins[malloc_bin_of(b->size)] = b->next;
    if (b->next)
        b->next->prev = b->prev;
}

/* Makes sure [malloc_top, limit) is memory we own, growing it if needed. */
static int malloc_reach(unsigned long limit)
{
    unsigned long pages;
    long old;
    if (limit <= malloc_end)
        return 1;
    pages = (limit - malloc_end + MALLOC_PAGE - 1) / MALLOC_PAGE;
    old = __builtin_wasm_memory_grow(0, pages);
    if (old < 0)
        return 0;
    malloc_end = ((unsigned long)old + pages) * MALLOC_PAGE;
    return 1;
}

/* The block size that holds n payload bytes, or 0 when n is too large. */
static unsigned long malloc_need(unsigned long n)
{
    if (n > MALLOC_MAX_REQUEST)
        return 0;
    n = (n + MALLOC_HEADER + 15) & ~15UL;
    return n < MALLOC_MIN_BLOCK ? MALLOC_MIN_BLOCK : n;
}

void free(void *p)
{
    struct malloc_block *b;
    struct malloc_block *next;
    unsigned long size;
    if (p == NULL)
        return;
    b = (struct malloc_block *)((char *)p - MALLOC_HEADER);
    if ((b->size & MALLOC_INUSE) == 0)
        return; /* a double free: ignore it rather than corrupt the lists */
    size = b->size & ~MALLOC_INUSE;
    if (b->prev_free) {
        struct malloc_block *prev = (struct malloc_block *)((char *)b - b->prev_free);
        malloc_unlink(prev);
        size += prev->size;
        b = prev;
    }
    next = (struct malloc_block *)((char *)b + size);
    if ((unsigned long)next == malloc_top) {
        malloc_top = (unsigned long)b;
        return;
    }
    if ((next->size & MALLOC_INUSE) == 0) {
        malloc_unlink(next);
        size += next->size;
        next = (struct malloc_block *)((char *)b + size);
        if ((unsigned long)next == malloc_top) {
            malloc_top = (unsigned long)b;
            return;
        }
    }
    b->size = size;
    next->prev_free = size;
    malloc_link(b);
}

/* Marks b in use with `need` bytes out of `total`, returning any tail of at least a minimum
 * block to the free lists (free() merges it with a free successor or the top). */
static void malloc_take(struct malloc_block *b, unsigned long need, unsigned long total)
{
    struct malloc_block *next;
    if (total - need >= MALLOC_MIN_BLOCK) {
        struct malloc_block *rest = (struct malloc_block *)((char *)b + need);
        b->size = need | MALLOC_INUSE;
        rest->size = (total - need) | MALLOC_INUSE;
        rest->prev_free = 0;
        free((char *)rest + MALLOC_HEADER);
        return;
    }
    b->size = total | MALLOC_INUSE;
    next = (struct malloc_block *)((char *)b + total);
    if ((unsigned long)next != malloc_top)
        next->prev_free = 0;
}

void *malloc(unsigned long n)
{
    unsigned long need = malloc_need(n);
    struct malloc_block *b;
    int bin;
    if (!malloc_ready)
        malloc_init();
    if (need == 0) {
        errno = MALLOC_ENOMEM;
        return NULL;
    }
    bin = malloc_bin_of(need);
    for (b = malloc_bins[bin]; b; b = b->next) {
        if (b->size >= need)
            break;
    }
    while (b == NULL && ++bin < MALLOC_BINS)
        b = malloc_bins[bin];
    if (b) {
        malloc_unlink(b);
        malloc_take(b, need, b->size);
        return (char *)b + MALLOC_HEADER;
    }
    if (!malloc_reach(malloc_top + need)) {
        errno = MALLOC_ENOMEM;
        return NULL;
    }
    b = (struct malloc_block *)malloc_top;
    b->size = need | MALLOC_INUSE;
    b->prev_free = 0;
    malloc_top += need;
    return (char *)b + MALLOC_HEADER;
}

void *calloc(unsigned long count, unsigned long size)
{
    void *p;
    if (size != 0 && count > (unsigned long)-1 / size) {
        errno = MALLOC_ENOMEM;
        return NULL;
    }
    p = malloc(count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *realloc(void *p, unsigned long n)
{
    struct malloc_block *b;
    struct malloc_block *next;
    unsigned long old;
    unsigned long need;
    void *q;
    if (p == NULL)
        return malloc(n);
    if (n == 0) {
        free(p); /* glibc's choice: free and return NULL */
        return NULL;
    }
    need = malloc_need(n);
    if (need == 0) {
        errno = MALLOC_ENOMEM;
        return NULL;
    }
    b = (struct malloc_block *)((char *)p - MALLOC_HEADER);
    old = b->size & ~MALLOC_INUSE;
    if (need <= old) {
        malloc_take(b, need, old);
        return p;
    }
    next = (struct malloc_block *)((char *)b + old);
    if ((unsigned long)next == malloc_top) {
        /* The last block grows in place into the untouched region. */
        if (!malloc_reach((unsigned long)b + need)) {
            errno = MALLOC_ENOMEM;
            return NULL;
        }
        b->size = need | MALLOC_INUSE;
        malloc_top = (unsigned long)b + need;
        return p;
    }
    if ((next->size & MALLOC_INUSE) == 0 && old + next->size >= need) {
        unsigned long total = old + next->size;
        malloc_unlink(next);
        malloc_take(b, need, total);
        return p;
    }
    q = malloc(n);
    if (q == NULL)
        return NULL;
    memcpy(q, p, old - MALLOC_HEADER);
    free(p);
    return q;
}
