(module
 (type $0 (func (param i32 i32) (result i64)))
 (global $__stack_pointer (mut i32) (i32.const 1049600))
 (global $__heap_base i32 (i32.const 1049600))
 (memory $0 18 16384)
 (table $__indirect_function_table 1 1 funcref)
 (export "__stack_pointer" (global $__stack_pointer))
 (export "__heap_base" (global $__heap_base))
 (export "memory" (memory $0))
 (export "__indirect_function_table" (table $__indirect_function_table))
 (export "sum_between" (func $sum_between))
 (func $sum_between (param $first i32) (param $last i32) (result i64)
  (local $__fp i32)
  (local $s i64)
  (local $p i32)
  (block $return (result i64)
   (local.set $s
    (i64.extend_i32_s
     (i32.const 0)
    )
   )
   (block
    (local.set $p
     (local.get $first)
    )
    (block $break0
     (loop $loop2
      (br_if $break0
       (i32.eqz
        (i32.lt_u
         (local.get $p)
         (local.get $last)
        )
       )
      )
      (block $continue1
       (local.set $s
        (i64.add
         (local.get $s)
         (i64.extend_i32_s
          (i32.load
           (local.get $p)
          )
         )
        )
       )
      )
      (local.set $p
       (i32.add
        (local.get $p)
        (i32.const 4)
       )
      )
      (br $loop2)
     )
    )
   )
   (br $return
    (i64.add
     (i64.add
      (local.get $s)
      (i64.div_s
       (i64.extend_i32_s
        (i32.sub
         (local.get $last)
         (local.get $first)
        )
       )
       (i64.const 4)
      )
     )
     (i64.extend_i32_s
      (i32.load offset=8
       (local.get $first)
      )
     )
    )
   )
   (i64.const 0)
  )
 )
)
