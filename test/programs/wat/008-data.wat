(module
 (type $0 (func (param i32) (result i32)))
 (type $1 (func (result i32)))
 (global $__stack_pointer (mut i32) (i32.const 1049648))
 (global $__heap_base i32 (i32.const 1049648))
 (memory $0 18 16384)
 (data $0 (i32.const 1024) "\n\00\00\00\14\00\00\00\1e\00\00\00\00\00\00\00\08\04\00\00\00\00\00\00,\04\00\00\00\00\00\00\01\00\00\00\00\00\00\00\00\00\00\00hi")
 (table $__indirect_function_table 2 2 funcref)
 (elem $functions (i32.const 1) $inc.0)
 (export "__stack_pointer" (global $__stack_pointer))
 (export "__heap_base" (global $__heap_base))
 (export "memory" (memory $0))
 (export "__indirect_function_table" (table $__indirect_function_table))
 (export "next" (func $next))
 (func $next (result i32)
  (local $__fp i32)
  (block $return (result i32)
   (i32.store
    (i32.const 1064)
    (i32.add
     (i32.load
      (i32.const 1064)
     )
     (i32.const 1)
    )
   )
   (br $return
    (i32.add
     (call_indirect (type $0)
      (i32.add
       (i32.load
        (i32.load
         (i32.const 1040)
        )
       )
       (i32.load
        (i32.const 1064)
       )
      )
      (i32.load
       (i32.const 1056)
      )
     )
     (i32.load8_s offset=1
      (i32.load
       (i32.const 1048)
      )
     )
    )
   )
   (i32.const 0)
  )
 )
 (func $inc.0 (param $x i32) (result i32)
  (local $__fp i32)
  (block $return (result i32)
   (br $return
    (i32.add
     (local.get $x)
     (i32.const 1)
    )
   )
   (i32.const 0)
  )
 )
)
