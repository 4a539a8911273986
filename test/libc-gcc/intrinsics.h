/* For the gcc build of the libc only: the enstage intrinsics as ordinary functions, defined
 * by harness.c over a static arena (see run.sh). enstage itself knows them as builtins. */
char *enstage_heap_base(void);
unsigned long enstage_memory_size(int memory);
long enstage_memory_grow(int memory, unsigned long pages);
#define __builtin_heap_base enstage_heap_base
#define __builtin_wasm_memory_size enstage_memory_size
#define __builtin_wasm_memory_grow enstage_memory_grow
