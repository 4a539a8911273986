(module
 (type $0 (func (param i32) (result i32)))
 (type $1 (func (param i32 i32)))
 (global $__stack_pointer (mut i32) (i32.const 1049600))
 (global $__heap_base i32 (i32.const 1049600))
 (memory $0 18 16384)
 (table $__indirect_function_table 1 1 funcref)
 (export "__stack_pointer" (global $__stack_pointer))
 (export "__heap_base" (global $__heap_base))
 (export "memory" (memory $0))
 (export "__indirect_function_table" (table $__indirect_function_table))
 (export "sum_local" (func $sum_local))
 (export "fill" (func $fill))
 (func $sum_local (param $n i32) (result i32)
  (local $__fp i32)
  (local $__result i32)
  (local.set $__fp
   (i32.sub
    (global.get $__stack_pointer)
    (i32.const 48)
   )
  )
  (global.set $__stack_pointer
   (local.get $__fp)
  )
  (local.set $__result
   (block $return (result i32)
    (i32.store offset=32
     (local.get $__fp)
     (local.get $n)
    )
    (call $fill
     (local.get $__fp)
     (i32.const 8)
    )
    (call $fill
     (i32.add
      (local.get $__fp)
      (i32.const 32)
     )
     (i32.const 1)
    )
    (br $return
     (i32.add
      (i32.add
       (i32.load
        (local.get $__fp)
       )
       (i32.load offset=28
        (local.get $__fp)
       )
      )
      (i32.load offset=32
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
    (i32.const 48)
   )
  )
  (local.get $__result)
 )
 (func $fill (param $p i32) (param $n i32)
  (local $__fp i32)
  (local $i i32)
  (block $return
   (block
    (local.set $i
     (i32.const 0)
    )
    (block $break0
     (loop $loop2
      (br_if $break0
       (i32.eqz
        (i32.lt_s
         (local.get $i)
         (local.get $n)
        )
       )
      )
      (block $continue1
       (i32.store
        (i32.add
         (local.get $p)
         (i32.mul
          (i32.wrap_i64
           (i64.extend_i32_s
            (local.get $i)
           )
          )
          (i32.const 4)
         )
        )
        (i32.mul
         (local.get $i)
         (i32.const 3)
        )
       )
      )
      (local.set $i
       (i32.add
        (local.get $i)
        (i32.const 1)
       )
      )
      (br $loop2)
     )
    )
   )
  )
 )
)
