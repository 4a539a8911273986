/* Dijkstra's shortest paths on a small weighted graph (adjacency matrix), with path reconstruction. */
#include <stdio.h>
#include <limits.h>

#define V 7

int main(void) {
    const char *names = "ABCDEFG";
    int g[V][V] = {{0}};
    int edges[][3] = {{0, 1, 7}, {0, 2, 9}, {0, 5, 14}, {1, 2, 10}, {1, 3, 15}, {2, 3, 11},
                      {2, 5, 2}, {3, 4, 6}, {4, 5, 9}, {5, 6, 3}, {4, 6, 1}};
    for (unsigned i = 0; i < sizeof edges / sizeof edges[0]; i++) {
        g[edges[i][0]][edges[i][1]] = edges[i][2];
        g[edges[i][1]][edges[i][0]] = edges[i][2];
    }
    int dist[V], prev[V], done[V];
    for (int i = 0; i < V; i++) dist[i] = INT_MAX, prev[i] = -1, done[i] = 0;
    dist[0] = 0;
    for (int it = 0; it < V; it++) {
        int u = -1;
        for (int i = 0; i < V; i++)
            if (!done[i] && dist[i] != INT_MAX && (u < 0 || dist[i] < dist[u])) u = i;
        if (u < 0) break;
        done[u] = 1;
        for (int v = 0; v < V; v++)
            if (g[u][v] && !done[v] && dist[u] + g[u][v] < dist[v]) {
                dist[v] = dist[u] + g[u][v];
                prev[v] = u;
            }
    }
    for (int v = 0; v < V; v++) {
        int path[V], n = 0;
        for (int x = v; x >= 0; x = prev[x]) path[n++] = x;
        printf("A -> %c: %2d via ", names[v], dist[v]);
        while (n) printf("%c", names[path[--n]]);
        printf("\n");
    }

    /* Floyd-Warshall for all pairs, compared with Dijkstra's row */
    int d[V][V];
    for (int i = 0; i < V; i++)
        for (int j = 0; j < V; j++) d[i][j] = i == j ? 0 : g[i][j] ? g[i][j] : 1000000;
    for (int k = 0; k < V; k++)
        for (int i = 0; i < V; i++)
            for (int j = 0; j < V; j++)
                if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
    int agree = 1;
    for (int v = 0; v < V; v++) agree &= d[0][v] == dist[v];
    printf("Floyd-Warshall agrees: %d\n", agree);
    for (int i = 0; i < V; i++) {
        for (int j = 0; j < V; j++) printf("%3d", d[i][j]);
        printf("\n");
    }
    return 0;
}
