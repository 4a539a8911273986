/* Assorted recursion: gcd, fast power, palindromes, binary strings, subsets, digit reversal. */
#include <stdio.h>
#include <string.h>

static long gcd(long a, long b) { return b == 0 ? a : gcd(b, a % b); }

static unsigned long long power_mod(unsigned long long b, unsigned e, unsigned long long m) {
    if (e == 0) return 1 % m;
    unsigned long long h = power_mod(b, e / 2, m);
    h = h * h % m;
    return e % 2 ? h * (b % m) % m : h;
}

static int is_palindrome(const char *s, int lo, int hi) {
    if (lo >= hi) return 1;
    return s[lo] == s[hi] && is_palindrome(s, lo + 1, hi - 1);
}

static void binary_strings(char *buf, int pos, int n, int ones_left) {
    if (pos == n) {
        buf[n] = '\0';
        printf("%s ", buf);
        return;
    }
    if (n - pos > ones_left) {
        buf[pos] = '0';
        binary_strings(buf, pos + 1, n, ones_left);
    }
    if (ones_left > 0) {
        buf[pos] = '1';
        binary_strings(buf, pos + 1, n, ones_left - 1);
    }
}

static int subset_sums(const int *v, int n, int target) {
    if (target == 0) return 1;
    if (n == 0) return 0;
    return subset_sums(v + 1, n - 1, target - v[0]) + subset_sums(v + 1, n - 1, target);
}

static long reverse_digits(long n, long acc) { return n == 0 ? acc : reverse_digits(n / 10, acc * 10 + n % 10); }

int main(void) {
    printf("gcd(1071, 462) %ld, gcd(17, 5) %ld, gcd(0, 9) %ld\n", gcd(1071, 462), gcd(17, 5), gcd(0, 9));
    printf("3^200 mod 1000007 = %llu\n", power_mod(3, 200, 1000007));
    printf("2^64 mod 97 = %llu\n", power_mod(2, 64, 97));
    const char *words[] = {"racecar", "abba", "abca", "x", ""};
    for (int i = 0; i < 5; i++)
        printf("'%s' palindrome %d\n", words[i], is_palindrome(words[i], 0, (int)strlen(words[i]) - 1));
    char buf[8];
    binary_strings(buf, 0, 4, 2);
    printf("\n");
    int v[] = {3, 34, 4, 12, 5, 2};
    printf("subsets summing to 9: %d, to 100: %d\n", subset_sums(v, 6, 9), subset_sums(v, 6, 100));
    printf("reverse 1234567 -> %ld\n", reverse_digits(1234567, 0));
    return 0;
}
