(module
 (type $0 (func (param i32) (result i32)))
 (global $__stack_pointer (mut i32) (i32.const 1049600))
 (global $__heap_base i32 (i32.const 1049600))
 (memory $0 18 16384)
 (table $__indirect_function_table 1 1 funcref)
 (export "__stack_pointer" (global $__stack_pointer))
 (export "__heap_base" (global $__heap_base))
 (export "memory" (memory $0))
 (export "__indirect_function_table" (table $__indirect_function_table))
 (export "scan" (func $scan))
 (func $scan (param $s i32) (result i32)
  (local $__fp i32)
  (local $__return i32)
  (local $n i32)
  (local $__label i32)
  (block $return (result i32)
   (block
    (block
     (block $block$10$break
      (block $block$5$break
       (local.set $n
        (i32.const 0)
       )
       (if
        (i32.eq
         (i32.load8_s
          (local.get $s)
         )
         (i32.const 35)
        )
        (then
         (local.set $__label
          (i32.const 5)
         )
         (br $block$5$break)
        )
        (else
         (br $block$10$break)
        )
       )
      )
     )
    )
    (block
     (block $block$13$break
      (loop $shape$1$continue
       (block $block$10$break0
        (if
         (i32.eq
          (local.get $__label)
          (i32.const 5)
         )
         (then
          (local.set $__label
           (i32.const 0)
          )
          (local.set $s
           (i32.add
            (local.get $s)
            (i32.const 1)
           )
          )
          (if
           (i32.eq
            (i32.load8_s
             (local.get $s)
            )
            (i32.const 33)
           )
           (then
            (br $block$13$break)
           )
           (else
            (br $shape$1$continue)
           )
          )
         )
        )
       )
       (block
        (block $block$7$break
         (block
         )
         (if
          (i32.load8_s
           (local.get $s)
          )
          (then
           (br $block$7$break)
          )
          (else
           (br $block$13$break)
          )
         )
        )
        (block
         (local.set $n
          (i32.add
           (local.get $n)
           (i32.const 1)
          )
         )
         (block
          (local.set $__label
           (i32.const 5)
          )
          (br $shape$1$continue)
         )
        )
       )
      )
     )
     (block
      (block $block$2$break
       (local.set $__return
        (local.get $n)
       )
       (block
        (br $block$2$break)
       )
      )
      (block
       (block
       )
      )
     )
    )
   )
   (local.get $__return)
  )
 )
)
