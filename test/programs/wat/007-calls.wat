(module
 (type $0 (func (param i64) (result i64)))
 (type $1 (func (param i32 i32) (result i64)))
 (type $2 (func (param i32 i64) (result i64)))
 (type $3 (func (result i64)))
 (global $__stack_pointer (mut i32) (i32.const 1049600))
 (global $__heap_base i32 (i32.const 1049600))
 (memory $0 18 16384)
 (table $__indirect_function_table 2 2 funcref)
 (elem $functions (i32.const 1) $twice.0)
 (export "__stack_pointer" (global $__stack_pointer))
 (export "__heap_base" (global $__heap_base))
 (export "memory" (memory $0))
 (export "__indirect_function_table" (table $__indirect_function_table))
 (export "total" (func $total))
 (export "apply" (func $apply))
 (export "use" (func $use))
 (func $total (param $n i32) (param $__va_area i32) (result i64)
  (local $__fp i32)
  (local $ap i32)
  (local $t i64)
  (local $i i32)
  (local $6 i32)
  (block $return (result i64)
   (local.set $ap
    (local.get $__va_area)
   )
   (local.set $t
    (i64.extend_i32_s
     (i32.const 0)
    )
   )
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
       (local.set $t
        (i64.add
         (local.get $t)
         (block (result i64)
          (local.set $6
           (local.get $ap)
          )
          (local.set $ap
           (i32.add
            (local.get $6)
            (i32.const 8)
           )
          )
          (i64.load
           (local.get $6)
          )
         )
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
   (nop)
   (br $return
    (local.get $t)
   )
   (i64.const 0)
  )
 )
 (func $apply (param $f i32) (param $v i64) (result i64)
  (local $__fp i32)
  (block $return (result i64)
   (br $return
    (call_indirect (type $0)
     (local.get $v)
     (local.get $f)
    )
   )
   (i64.const 0)
  )
 )
 (func $use (result i64)
  (local $__fp i32)
  (local $__result i64)
  (local.set $__fp
   (i32.sub
    (global.get $__stack_pointer)
    (i32.const 32)
   )
  )
  (global.set $__stack_pointer
   (local.get $__fp)
  )
  (local.set $__result
   (block $return (result i64)
    (br $return
     (call $apply
      (i32.const 1)
      (call $total
       (i32.const 3)
       (block (result i32)
        (i64.store
         (local.get $__fp)
         (i64.const 1)
        )
        (i64.store offset=8
         (local.get $__fp)
         (i64.const 2)
        )
        (i64.store offset=16
         (local.get $__fp)
         (i64.const 3)
        )
        (local.get $__fp)
       )
      )
     )
    )
    (i64.const 0)
   )
  )
  (global.set $__stack_pointer
   (i32.add
    (local.get $__fp)
    (i32.const 32)
   )
  )
  (local.get $__result)
 )
 (func $twice.0 (param $x i64) (result i64)
  (local $__fp i32)
  (block $return (result i64)
   (br $return
    (i64.mul
     (i64.extend_i32_s
      (i32.const 2)
     )
     (local.get $x)
    )
   )
   (i64.const 0)
  )
 )
)
