/* rand/srand/random/srandom, producing exactly glibc's sequence.
 * In: a seed (1 when srand is never called). Out: glibc's numbers, so programs that print
 * rand() print what gcc-compiled C prints.
 *
 * This is glibc's default random() generator (random_r.c, TYPE_3): 31 words of additive
 * feedback, r[i] = r[i-3] + r[i-31] (mod 2^32), seeded by the "minimal standard" LCG
 * (16807 * x mod 2^31-1, computed by Schrage's method as glibc does), with the first 310
 * outputs discarded; each result is the new word shifted right by one. */

#define RAND_DEG 31
#define RAND_SEP 3

static int rand_state[RAND_DEG];
static int rand_front; /* glibc's fptr, as an index */
static int rand_rear;  /* glibc's rptr */
static int rand_seeded;

static int rand_next(void)
{
    unsigned int val = (unsigned int)rand_state[rand_front] + (unsigned int)rand_state[rand_rear];
    rand_state[rand_front] = (int)val;
    if (++rand_front >= RAND_DEG) {
        rand_front = 0;
        ++rand_rear;
    } else if (++rand_rear >= RAND_DEG) {
        rand_rear = 0;
    }
    return (int)(val >> 1);
}

void srandom(unsigned int seed)
{
    int word;
    int i;
    if (seed == 0)
        seed = 1;
    /* glibc keeps the seed in an int32_t, so seeds above INT_MAX start negative. */
    word = (int)seed;
    rand_state[0] = word;
    for (i = 1; i < RAND_DEG; i++) {
        long hi = word / 127773;
        long lo = word % 127773;
        word = (int)(16807 * lo - 2836 * hi);
        if (word < 0)
            word += 2147483647;
        rand_state[i] = word;
    }
    rand_front = RAND_SEP;
    rand_rear = 0;
    rand_seeded = 1;
    for (i = 0; i < 10 * RAND_DEG; i++)
        rand_next();
}

long random(void)
{
    if (!rand_seeded)
        srandom(1);
    return rand_next();
}

void srand(unsigned int seed)
{
    srandom(seed);
}

int rand(void)
{
    return (int)random();
}
