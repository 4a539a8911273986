(module
 (type $0 (func (param f32 f64 i64) (result f64)))
 (global $__stack_pointer (mut i32) (i32.const 1049600))
 (global $__heap_base i32 (i32.const 1049600))
 (memory $0 18 16384)
 (table $__indirect_function_table 1 1 funcref)
 (export "__stack_pointer" (global $__stack_pointer))
 (export "__heap_base" (global $__heap_base))
 (export "memory" (memory $0))
 (export "__indirect_function_table" (table $__indirect_function_table))
 (export "norm" (func $norm))
 (func $norm (param $x f32) (param $y f64) (param $n i64) (result f64)
  (local $__fp i32)
  (local $h f32)
  (local $r f64)
  (block $return (result f64)
   (local.set $h
    (f32.mul
     (local.get $x)
     (f32.const 0.5)
    )
   )
   (local.set $r
    (f64.sqrt
     (f64.add
      (f64.promote_f32
       (f32.mul
        (local.get $h)
        (local.get $h)
       )
      )
      (f64.mul
       (local.get $y)
       (local.get $y)
      )
     )
    )
   )
   (br $return
    (f64.add
     (f64.add
      (f64.abs
       (local.get $r)
      )
      (f64.convert_i64_s
       (local.get $n)
      )
     )
     (f64.convert_i32_s
      (i32.trunc_sat_f64_s
       (f64.floor
        (local.get $y)
       )
      )
     )
    )
   )
   (f64.const 0)
  )
 )
)
