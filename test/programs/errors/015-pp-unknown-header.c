/* Only the standard headers exist for fragments: reported at the header name. */
#include <stdio.h>
#include <unistd.h>
//       ^ E0015
#include "my_helpers.h"
//       ^ E0015
int main(void) {
    return 0;
}
