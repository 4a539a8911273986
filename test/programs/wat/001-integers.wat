(module
 (type $0 (func (param i32 i32 i64 i32) (result i32)))
 (global $__stack_pointer (mut i32) (i32.const 1049600))
 (global $__heap_base i32 (i32.const 1049600))
 (memory $0 18 16384)
 (table $__indirect_function_table 1 1 funcref)
 (export "__stack_pointer" (global $__stack_pointer))
 (export "__heap_base" (global $__heap_base))
 (export "memory" (memory $0))
 (export "__indirect_function_table" (table $__indirect_function_table))
 (export "mix" (func $mix))
 (func $mix (param $a i32) (param $b i32) (param $c i64) (param $d i32) (result i32)
  (local $__fp i32)
  (local $u i32)
  (local $s i32)
  (local $w i64)
  (block $return (result i32)
   (local.set $u
    (i32.and
     (local.get $a)
     (i32.const 255)
    )
   )
   (local.set $s
    (i32.extend16_s
     (i32.add
      (local.get $b)
      (local.get $d)
     )
    )
   )
   (local.set $w
    (i64.mul
     (i64.extend_i32_s
      (local.get $a)
     )
     (local.get $c)
    )
   )
   (br $return
    (i32.wrap_i64
     (i64.add
      (i64.add
       (i64.add
        (i64.add
         (i64.extend_i32_u
          (i32.add
           (i32.div_s
            (local.get $a)
            (i32.const 3)
           )
           (i32.rem_u
            (local.get $b)
            (i32.const 5)
           )
          )
         )
         (i64.shr_s
          (local.get $c)
          (i64.extend_i32_u
           (i32.const 2)
          )
         )
        )
        (i64.extend_i32_s
         (i32.shl
          (local.get $u)
          (i32.const 1)
         )
        )
       )
       (i64.extend_i32_s
        (local.get $s)
       )
      )
      (i64.extend_i32_s
       (i32.wrap_i64
        (local.get $w)
       )
      )
     )
    )
   )
   (i32.const 0)
  )
 )
)
