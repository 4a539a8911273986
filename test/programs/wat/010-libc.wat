(module
 (type $0 (func (param i32) (result i32)))
 (type $1 (func (param i32 i32) (result i32)))
 (type $2 (func (param i32) (result i64)))
 (type $3 (func (param i32 i32 i32) (result i32)))
 (import "env" "__vfprintf" (func $__vfprintf (param i32 i32 i32) (result i32)))
 (global $__stack_pointer (mut i32) (i32.const 1049632))
 (global $__heap_base i32 (i32.const 1049632))
 (memory $0 18 16384)
 (data $0 (i32.const 1024) "%s has %lu chars\n")
 (table $__indirect_function_table 1 1 funcref)
 (export "__stack_pointer" (global $__stack_pointer))
 (export "__heap_base" (global $__heap_base))
 (export "memory" (memory $0))
 (export "__indirect_function_table" (table $__indirect_function_table))
 (export "report" (func $report))
 (func $report (param $name i32) (result i32)
  (local $__fp i32)
  (local $__result i32)
  (local.set $__fp
   (i32.sub
    (global.get $__stack_pointer)
    (i32.const 16)
   )
  )
  (global.set $__stack_pointer
   (local.get $__fp)
  )
  (local.set $__result
   (block $return (result i32)
    (br $return
     (call $printf
      (i32.const 1024)
      (block (result i32)
       (i64.store
        (local.get $__fp)
        (i64.extend_i32_u
         (local.get $name)
        )
       )
       (i64.store offset=8
        (local.get $__fp)
        (call $strlen
         (local.get $name)
        )
       )
       (local.get $__fp)
      )
     )
    )
    (i32.const 0)
   )
  )
  (global.set $__stack_pointer
   (i32.add
    (local.get $__fp)
    (i32.const 16)
   )
  )
  (local.get $__result)
 )
 (func $printf (param $fmt i32) (param $__va_area i32) (result i32)
  (local $__fp i32)
  (local $ap i32)
  (local $r i32)
  (block $return (result i32)
   (local.set $ap
    (local.get $__va_area)
   )
   (local.set $r
    (call $__vfprintf
     (i32.const 1)
     (local.get $fmt)
     (local.get $ap)
    )
   )
   (nop)
   (br $return
    (local.get $r)
   )
   (i32.const 0)
  )
 )
 (func $strlen (param $s i32) (result i64)
  (local $__fp i32)
  (local $p i32)
  (block $return (result i64)
   (local.set $p
    (local.get $s)
   )
   (block $break0
    (loop $loop2
     (br_if $break0
      (i32.eqz
       (i32.load8_s
        (local.get $p)
       )
      )
     )
     (block $continue1
      (local.set $p
       (i32.add
        (local.get $p)
        (i32.const 1)
       )
      )
     )
     (br $loop2)
    )
   )
   (br $return
    (i64.extend_i32_s
     (i32.sub
      (local.get $p)
      (local.get $s)
     )
    )
   )
   (i64.const 0)
  )
 )
)
