/* <ctype.h> for the C locale: ASCII classes; values outside 0..127 (EOF, bytes >= 128,
 * negative chars) are in no class and toupper/tolower return them unchanged.
 * In: an int. Out: non-zero when the character is in the class; the converted character.
 *
 * The non-zero value is glibc's, not 1: glibc's <ctype.h> macros return the class bit of its
 * table (isdigit('5') is 2048 on x86-64), and programs that print the result must print the
 * same number. The bits are glibc's `_ISbit` values for a little-endian machine. */

#define CTYPE_UPPER 256
#define CTYPE_LOWER 512
#define CTYPE_ALPHA 1024
#define CTYPE_DIGIT 2048
#define CTYPE_XDIGIT 4096
#define CTYPE_SPACE 8192
#define CTYPE_PRINT 16384
#define CTYPE_GRAPH 32768
#define CTYPE_BLANK 1
#define CTYPE_CNTRL 2
#define CTYPE_PUNCT 4
#define CTYPE_ALNUM 8

static int ctype_bits(int c)
{
    int bits = 0;
    if (c < 0 || c >= 128)
        return 0;
    if (c >= 'A' && c <= 'Z')
        bits |= CTYPE_UPPER | CTYPE_ALPHA | CTYPE_ALNUM;
    if (c >= 'a' && c <= 'z')
        bits |= CTYPE_LOWER | CTYPE_ALPHA | CTYPE_ALNUM;
    if (c >= '0' && c <= '9')
        bits |= CTYPE_DIGIT | CTYPE_XDIGIT | CTYPE_ALNUM;
    if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
        bits |= CTYPE_XDIGIT;
    if (c == ' ' || (c >= '\t' && c <= '\r'))
        bits |= CTYPE_SPACE;
    if (c == ' ' || c == '\t')
        bits |= CTYPE_BLANK;
    if (c < 32 || c == 127)
        bits |= CTYPE_CNTRL;
    if (c >= 32 && c < 127)
        bits |= CTYPE_PRINT;
    if (c > 32 && c < 127) {
        bits |= CTYPE_GRAPH;
        if ((bits & CTYPE_ALNUM) == 0)
            bits |= CTYPE_PUNCT;
    }
    return bits;
}

int isdigit(int c) { return ctype_bits(c) & CTYPE_DIGIT; }
int isupper(int c) { return ctype_bits(c) & CTYPE_UPPER; }
int islower(int c) { return ctype_bits(c) & CTYPE_LOWER; }
int isalpha(int c) { return ctype_bits(c) & CTYPE_ALPHA; }
int isalnum(int c) { return ctype_bits(c) & CTYPE_ALNUM; }
int isxdigit(int c) { return ctype_bits(c) & CTYPE_XDIGIT; }
int isspace(int c) { return ctype_bits(c) & CTYPE_SPACE; }
int isblank(int c) { return ctype_bits(c) & CTYPE_BLANK; }
int iscntrl(int c) { return ctype_bits(c) & CTYPE_CNTRL; }
int isprint(int c) { return ctype_bits(c) & CTYPE_PRINT; }
int isgraph(int c) { return ctype_bits(c) & CTYPE_GRAPH; }
int ispunct(int c) { return ctype_bits(c) & CTYPE_PUNCT; }
int isascii(int c) { return (c & ~127) == 0; }

/* glibc's case tables map a negative (signed) char -128..-2 to its unsigned byte value. */
int toupper(int c)
{
    if (c >= -128 && c < -1)
        return c + 256;
    return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
}

int tolower(int c)
{
    if (c >= -128 && c < -1)
        return c + 256;
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}
