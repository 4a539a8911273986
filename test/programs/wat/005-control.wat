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
 (export "classify" (func $classify))
 (func $classify (param $n i32) (result i32)
  (local $__fp i32)
  (local $score i32)
  (local $i i32)
  (local $4 i32)
  (local $5 i32)
  (block $return (result i32)
   (local.set $score
    (i32.const 0)
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
       (block
        (if
         (i32.eq
          (i32.rem_s
           (local.get $i)
           (i32.const 3)
          )
          (i32.const 0)
         )
         (then
          (br $continue1)
         )
        )
        (block $switch3
         (block $case8
          (block $case7
           (block $case6
            (block $case5
             (block $case4
              (local.set $4
               (i32.and
                (local.get $i)
                (i32.const 7)
               )
              )
              (br_table $case4 $case5 $case5 $case6 $case7 $case8
               (local.get $4)
              )
             )
             (local.set $score
              (i32.add
               (local.get $score)
               (i32.const 1)
              )
             )
             (br $switch3)
            )
            (local.set $score
             (i32.add
              (local.get $score)
              (i32.const 2)
             )
            )
           )
           (local.set $score
            (i32.add
             (local.get $score)
             (i32.const 3)
            )
           )
           (br $switch3)
          )
          (local.set $score
           (i32.sub
            (local.get $score)
            (i32.const 1)
           )
          )
          (br $switch3)
         )
         (local.set $score
          (i32.mul
           (local.get $score)
           (i32.const 2)
          )
         )
        )
        (if
         (i32.gt_s
          (local.get $score)
          (i32.const 1000)
         )
         (then
          (br $break0)
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
   (block $switch9
    (block $case12
     (block $case11
      (block $case10
       (local.set $5
        (local.get $score)
       )
       (br_if $case10
        (i32.eq
         (local.get $5)
         (i32.const -1)
        )
       )
       (br_if $case11
        (i32.eq
         (local.get $5)
         (i32.const 100000)
        )
       )
       (br $case12)
      )
      (br $return
       (i32.const 0)
      )
     )
     (br $return
      (i32.const 1)
     )
    )
    (br $return
     (local.get $score)
    )
   )
   (i32.const 0)
  )
 )
)
