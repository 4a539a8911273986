/* Statistics with <math.h>: mean, standard deviation, geometric mean, RMS, regression. */
#include <stdio.h>
#include <math.h>

int main(void) {
    double x[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    double y[] = {2.6, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 18.0, 20.2};
    int n = 10;
    double sx = 0, sy = 0, sxx = 0, sxy = 0, logsum = 0, sq = 0;
    for (int i = 0; i < n; i++) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        sxy += x[i] * y[i];
        logsum += log(y[i]);
        sq += y[i] * y[i];
    }
    double mx = sx / n, my = sy / n;
    double var = 0;
    for (int i = 0; i < n; i++) var += pow(y[i] - my, 2);
    var /= n - 1;
    printf("mean x %.3f mean y %.3f\n", mx, my);
    printf("sample sd of y %.6f\n", sqrt(var));
    printf("geometric mean %.6f, rms %.6f\n", exp(logsum / n), sqrt(sq / n));
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    double icpt = my - slope * mx;
    printf("fit y = %.6f x + %.6f\n", slope, icpt);
    double ss_res = 0, ss_tot = 0;
    for (int i = 0; i < n; i++) {
        double e = y[i] - (slope * x[i] + icpt);
        ss_res += e * e;
        ss_tot += (y[i] - my) * (y[i] - my);
    }
    printf("r^2 %.6f\n", 1 - ss_res / ss_tot);

    /* angles and distances */
    double pts[][2] = {{1, 0}, {0, 1}, {-1, -1}, {3, 4}};
    for (int i = 0; i < 4; i++) {
        double r = sqrt(pts[i][0] * pts[i][0] + pts[i][1] * pts[i][1]);
        double deg = atan2(pts[i][1], pts[i][0]) * 180.0 / acos(-1.0);
        printf("(%g,%g): r %.4f angle %.2f deg\n", pts[i][0], pts[i][1], r, deg);
    }

    /* compound interest and half-lives */
    printf("1000 at 5%% for 10 years: %.2f\n", 1000 * pow(1.05, 10));
    printf("half-lives to 1%%: %.4f\n", log(0.01) / log(0.5));
    printf("ceil/floor of log10: %g %g\n", ceil(log10(12345.0)), floor(log10(12345.0)));
    return 0;
}
