/* Control flow: a loop with break/continue, a dense switch (br_table) and a sparse one. */
int classify(int n) {
    int score = 0;
    for (int i = 0; i < n; i++) {
        if (i % 3 == 0) continue;
        switch (i & 7) {
        case 0: score += 1; break;
        case 1: case 2: score += 2; /* fall through */
        case 3: score += 3; break;
        case 4: score -= 1; break;
        default: score *= 2;
        }
        if (score > 1000) break;
    }
    switch (score) {
    case -1: return 0;
    case 100000: return 1;
    default: return score;
    }
}
