(module
 (type $0 (func (param i32 i32 i32) (result i32)))
 (global $__stack_pointer (mut i32) (i32.const 1049600))
 (global $__heap_base i32 (i32.const 1049600))
 (memory $0 18 16384)
 (table $__indirect_function_table 1 1 funcref)
 (export "__stack_pointer" (global $__stack_pointer))
 (export "__heap_base" (global $__heap_base))
 (export "memory" (memory $0))
 (export "__indirect_function_table" (table $__indirect_function_table))
 (export "bump" (func $bump))
 (func $bump (param $__sret i32) (param $p i32) (param $k i32) (result i32)
  (local $__fp i32)
  (local $4 i32)
  (block $return (result i32)
   (block
    (local.set $4
     (i32.add
      (i32.shr_s
       (i32.shl
        (i32.load offset=16
         (local.get $p)
        )
        (i32.const 26)
       )
       (i32.const 27)
      )
      (local.get $k)
     )
    )
    (i32.store offset=16
     (local.get $p)
     (i32.or
      (i32.and
       (i32.load offset=16
        (local.get $p)
       )
       (i32.const -63)
      )
      (i32.shl
       (i32.and
        (local.get $4)
        (i32.const 31)
       )
       (i32.const 1)
      )
     )
    )
   )
   (i32.store offset=16
    (local.get $p)
    (i32.or
     (i32.and
      (i32.load offset=16
       (local.get $p)
      )
      (i32.const -2)
     )
     (i32.and
      (i32.const 1)
      (i32.const 1)
     )
    )
   )
   (i64.store offset=8
    (local.get $p)
    (i64.extend_i32_s
     (i32.and
      (i32.shr_u
       (i32.load offset=16
        (local.get $p)
       )
       (i32.const 6)
      )
      (i32.const 1023)
     )
    )
   )
   (block
    (block
     (i64.store
      (local.get $__sret)
      (i64.load
       (local.get $p)
      )
     )
     (i64.store offset=8
      (local.get $__sret)
      (i64.load offset=8
       (local.get $p)
      )
     )
     (i64.store offset=16
      (local.get $__sret)
      (i64.load offset=16
       (local.get $p)
      )
     )
    )
    (br $return
     (local.get $__sret)
    )
   )
   (local.get $__sret)
  )
 )
)
