/* Pointers: arithmetic scaled by the element size, subscripts, differences, comparisons. */
long sum_between(const int *first, const int *last) {
    long s = 0;
    for (const int *p = first; p < last; p++) s += *p;
    return s + (last - first) + first[2];
}
