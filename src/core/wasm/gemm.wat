(module
 (type $0 (func (result i32)))
 (type $1 (func (param i32 i32 i32 i32 i32 i32 i32 i32)))
 (type $2 (func (param i32 i32 i32 i32 i32 f64 i32 i32 i32 i32 f64 i32 i32 i32)))
 (memory $0 0)
 (export "heapBase" (func $src/core/wasm/assembly/gemm/heapBase))
 (export "workBytes" (func $src/core/wasm/assembly/gemm/workBytes))
 (export "dgemm" (func $src/core/wasm/assembly/gemm/dgemm))
 (export "memory" (memory $0))
 (func $src/core/wasm/assembly/gemm/workBytes (result i32)
  i32.const 2228352
 )
 (func $src/core/wasm/assembly/gemm/packB (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  loop $for-loop|0
   local.get $2
   local.get $10
   i32.gt_s
   if
    i32.const 4
    local.get $2
    local.get $10
    i32.sub
    local.tee $8
    local.get $8
    i32.const 4
    i32.gt_s
    select
    local.set $12
    local.get $7
    local.get $1
    local.get $10
    i32.mul
    i32.const 3
    i32.shl
    i32.add
    local.set $11
    local.get $0
    if
     local.get $3
     local.get $6
     local.get $10
     i32.add
     local.get $4
     i32.mul
     local.get $5
     i32.add
     i32.const 3
     i32.shl
     i32.add
     local.set $13
     local.get $4
     i32.const 3
     i32.shl
     local.set $14
     local.get $12
     i32.const 4
     i32.eq
     if
      i32.const 0
      local.set $8
      loop $for-loop|4
       local.get $1
       local.get $8
       i32.gt_s
       if
        local.get $11
        local.get $8
        i32.const 5
        i32.shl
        i32.add
        local.tee $9
        local.get $13
        local.get $8
        i32.const 3
        i32.shl
        i32.add
        local.tee $12
        f64.load
        f64.store
        local.get $9
        local.get $12
        local.get $14
        i32.add
        f64.load
        f64.store offset=8
        local.get $9
        local.get $12
        local.get $14
        i32.const 1
        i32.shl
        i32.add
        f64.load
        f64.store offset=16
        local.get $9
        local.get $12
        local.get $14
        i32.const 3
        i32.mul
        i32.add
        f64.load
        f64.store offset=24
        local.get $8
        i32.const 1
        i32.add
        local.set $8
        br $for-loop|4
       end
      end
     else
      i32.const 0
      local.set $9
      loop $for-loop|5
       local.get $1
       local.get $9
       i32.gt_s
       if
        i32.const 0
        local.set $8
        loop $for-loop|6
         local.get $8
         i32.const 4
         i32.lt_s
         if
          local.get $11
          local.get $9
          i32.const 2
          i32.shl
          local.get $8
          i32.add
          i32.const 3
          i32.shl
          i32.add
          local.get $8
          local.get $12
          i32.lt_s
          if (result f64)
           local.get $13
           local.get $8
           local.get $14
           i32.mul
           i32.add
           local.get $9
           i32.const 3
           i32.shl
           i32.add
           f64.load
          else
           f64.const 0
          end
          f64.store
          local.get $8
          i32.const 1
          i32.add
          local.set $8
          br $for-loop|6
         end
        end
        local.get $9
        i32.const 1
        i32.add
        local.set $9
        br $for-loop|5
       end
      end
     end
    else
     local.get $3
     local.get $4
     local.get $5
     i32.mul
     local.get $6
     i32.add
     local.get $10
     i32.add
     i32.const 3
     i32.shl
     i32.add
     local.set $13
     local.get $4
     i32.const 3
     i32.shl
     local.set $14
     local.get $12
     i32.const 4
     i32.eq
     if
      i32.const 0
      local.set $8
      loop $for-loop|1
       local.get $1
       local.get $8
       i32.gt_s
       if
        local.get $11
        local.get $8
        i32.const 5
        i32.shl
        i32.add
        local.tee $9
        local.get $13
        local.get $8
        local.get $14
        i32.mul
        i32.add
        local.tee $12
        v128.load
        v128.store
        local.get $9
        local.get $12
        v128.load offset=16
        v128.store offset=16
        local.get $8
        i32.const 1
        i32.add
        local.set $8
        br $for-loop|1
       end
      end
     else
      i32.const 0
      local.set $9
      loop $for-loop|2
       local.get $1
       local.get $9
       i32.gt_s
       if
        i32.const 0
        local.set $8
        loop $for-loop|3
         local.get $8
         i32.const 4
         i32.lt_s
         if
          local.get $11
          local.get $9
          i32.const 2
          i32.shl
          local.get $8
          i32.add
          i32.const 3
          i32.shl
          i32.add
          local.get $8
          local.get $12
          i32.lt_s
          if (result f64)
           local.get $13
           local.get $9
           local.get $14
           i32.mul
           i32.add
           local.get $8
           i32.const 3
           i32.shl
           i32.add
           f64.load
          else
           f64.const 0
          end
          f64.store
          local.get $8
          i32.const 1
          i32.add
          local.set $8
          br $for-loop|3
         end
        end
        local.get $9
        i32.const 1
        i32.add
        local.set $9
        br $for-loop|2
       end
      end
     end
    end
    local.get $10
    i32.const 4
    i32.add
    local.set $10
    br $for-loop|0
   end
  end
 )
 (func $src/core/wasm/assembly/gemm/packA (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 i32) (param $6 i32) (param $7 i32)
  (local $8 i32)
  (local $9 i32)
  (local $10 i32)
  (local $11 i32)
  (local $12 i32)
  (local $13 i32)
  (local $14 i32)
  loop $for-loop|0
   local.get $1
   local.get $10
   i32.gt_s
   if
    i32.const 4
    local.get $1
    local.get $10
    i32.sub
    local.tee $8
    local.get $8
    i32.const 4
    i32.gt_s
    select
    local.set $12
    local.get $7
    local.get $2
    local.get $10
    i32.mul
    i32.const 3
    i32.shl
    i32.add
    local.set $11
    local.get $0
    if
     local.get $3
     local.get $4
     local.get $6
     i32.mul
     local.get $5
     i32.add
     local.get $10
     i32.add
     i32.const 3
     i32.shl
     i32.add
     local.set $13
     local.get $4
     i32.const 3
     i32.shl
     local.set $14
     local.get $12
     i32.const 4
     i32.eq
     if
      i32.const 0
      local.set $8
      loop $for-loop|4
       local.get $2
       local.get $8
       i32.gt_s
       if
        local.get $11
        local.get $8
        i32.const 5
        i32.shl
        i32.add
        local.tee $9
        local.get $13
        local.get $8
        local.get $14
        i32.mul
        i32.add
        local.tee $12
        v128.load
        v128.store
        local.get $9
        local.get $12
        v128.load offset=16
        v128.store offset=16
        local.get $8
        i32.const 1
        i32.add
        local.set $8
        br $for-loop|4
       end
      end
     else
      i32.const 0
      local.set $9
      loop $for-loop|5
       local.get $2
       local.get $9
       i32.gt_s
       if
        i32.const 0
        local.set $8
        loop $for-loop|6
         local.get $8
         i32.const 4
         i32.lt_s
         if
          local.get $11
          local.get $9
          i32.const 2
          i32.shl
          local.get $8
          i32.add
          i32.const 3
          i32.shl
          i32.add
          local.get $8
          local.get $12
          i32.lt_s
          if (result f64)
           local.get $13
           local.get $9
           local.get $14
           i32.mul
           i32.add
           local.get $8
           i32.const 3
           i32.shl
           i32.add
           f64.load
          else
           f64.const 0
          end
          f64.store
          local.get $8
          i32.const 1
          i32.add
          local.set $8
          br $for-loop|6
         end
        end
        local.get $9
        i32.const 1
        i32.add
        local.set $9
        br $for-loop|5
       end
      end
     end
    else
     local.get $3
     local.get $5
     local.get $10
     i32.add
     local.get $4
     i32.mul
     local.get $6
     i32.add
     i32.const 3
     i32.shl
     i32.add
     local.set $13
     local.get $4
     i32.const 3
     i32.shl
     local.set $14
     local.get $12
     i32.const 4
     i32.eq
     if
      i32.const 0
      local.set $8
      loop $for-loop|1
       local.get $2
       local.get $8
       i32.gt_s
       if
        local.get $11
        local.get $8
        i32.const 5
        i32.shl
        i32.add
        local.tee $9
        local.get $13
        local.get $8
        i32.const 3
        i32.shl
        i32.add
        local.tee $12
        f64.load
        f64.store
        local.get $9
        local.get $12
        local.get $14
        i32.add
        f64.load
        f64.store offset=8
        local.get $9
        local.get $12
        local.get $14
        i32.const 1
        i32.shl
        i32.add
        f64.load
        f64.store offset=16
        local.get $9
        local.get $12
        local.get $14
        i32.const 3
        i32.mul
        i32.add
        f64.load
        f64.store offset=24
        local.get $8
        i32.const 1
        i32.add
        local.set $8
        br $for-loop|1
       end
      end
     else
      i32.const 0
      local.set $9
      loop $for-loop|2
       local.get $2
       local.get $9
       i32.gt_s
       if
        i32.const 0
        local.set $8
        loop $for-loop|3
         local.get $8
         i32.const 4
         i32.lt_s
         if
          local.get $11
          local.get $9
          i32.const 2
          i32.shl
          local.get $8
          i32.add
          i32.const 3
          i32.shl
          i32.add
          local.get $8
          local.get $12
          i32.lt_s
          if (result f64)
           local.get $13
           local.get $8
           local.get $14
           i32.mul
           i32.add
           local.get $9
           i32.const 3
           i32.shl
           i32.add
           f64.load
          else
           f64.const 0
          end
          f64.store
          local.get $8
          i32.const 1
          i32.add
          local.set $8
          br $for-loop|3
         end
        end
        local.get $9
        i32.const 1
        i32.add
        local.set $9
        br $for-loop|2
       end
      end
     end
    end
    local.get $10
    i32.const 4
    i32.add
    local.set $10
    br $for-loop|0
   end
  end
 )
 (func $src/core/wasm/assembly/gemm/heapBase (result i32)
  i32.const 1024
 )
 (func $src/core/wasm/assembly/gemm/dgemm (param $0 i32) (param $1 i32) (param $2 i32) (param $3 i32) (param $4 i32) (param $5 f64) (param $6 i32) (param $7 i32) (param $8 i32) (param $9 i32) (param $10 f64) (param $11 i32) (param $12 i32) (param $13 i32)
  (local $14 i32)
  (local $15 i32)
  (local $16 v128)
  (local $17 v128)
  (local $18 i32)
  (local $19 f64)
  (local $20 i32)
  (local $21 i32)
  (local $22 i32)
  (local $23 v128)
  (local $24 i32)
  (local $25 i32)
  (local $26 i32)
  (local $27 i32)
  (local $28 i32)
  (local $29 i32)
  (local $30 v128)
  (local $31 v128)
  (local $32 v128)
  (local $33 v128)
  (local $34 v128)
  (local $35 i32)
  (local $36 i32)
  (local $37 i32)
  (local $38 i32)
  (local $39 i32)
  (local $40 f64)
  (local $41 v128)
  (local $42 v128)
  (local $43 v128)
  (local $44 i32)
  local.get $3
  i32.const 0
  i32.le_s
  local.get $2
  i32.const 0
  i32.le_s
  i32.or
  if
   return
  end
  local.get $4
  i32.const 0
  i32.le_s
  local.get $5
  f64.const 0
  f64.eq
  i32.or
  if
   i32.const 0
   local.set $1
   loop $for-loop|0
    local.get $1
    local.get $2
    i32.lt_s
    if
     local.get $11
     local.get $1
     local.get $12
     i32.mul
     i32.const 3
     i32.shl
     i32.add
     local.set $4
     i32.const 0
     local.set $0
     loop $for-loop|1
      local.get $0
      local.get $3
      i32.lt_s
      if
       local.get $4
       local.get $0
       i32.const 3
       i32.shl
       i32.add
       local.tee $6
       local.get $10
       f64.const 0
       f64.eq
       if (result f64)
        f64.const 0
       else
        local.get $10
        local.get $6
        f64.load
        f64.mul
       end
       f64.store
       local.get $0
       i32.const 1
       i32.add
       local.set $0
       br $for-loop|1
      end
     end
     local.get $1
     i32.const 1
     i32.add
     local.set $1
     br $for-loop|0
    end
   end
   return
  end
  local.get $13
  local.tee $14
  i32.const 131072
  i32.add
  local.tee $36
  i32.const 2097152
  i32.add
  local.set $20
  loop $for-loop|00
   local.get $3
   local.get $28
   i32.gt_s
   if
    i32.const 1024
    local.get $3
    local.get $28
    i32.sub
    local.tee $13
    local.get $13
    i32.const 1024
    i32.gt_s
    select
    local.set $35
    i32.const 0
    local.set $24
    loop $for-loop|11
     local.get $4
     local.get $24
     i32.gt_s
     if
      local.get $1
      i32.const 256
      local.get $4
      local.get $24
      i32.sub
      local.tee $13
      local.get $13
      i32.const 256
      i32.gt_s
      select
      local.tee $29
      local.get $35
      local.get $8
      local.get $9
      local.get $24
      local.get $28
      local.get $36
      call $src/core/wasm/assembly/gemm/packB
      f64.const 1
      local.get $10
      local.get $24
      select
      local.set $19
      i32.const 0
      local.set $25
      loop $for-loop|2
       local.get $2
       local.get $25
       i32.gt_s
       if
        local.get $0
        i32.const 64
        local.get $2
        local.get $25
        i32.sub
        local.tee $13
        local.get $13
        i32.const 64
        i32.gt_s
        select
        local.tee $37
        local.get $29
        local.get $6
        local.get $7
        local.get $25
        local.get $24
        local.get $14
        call $src/core/wasm/assembly/gemm/packA
        i32.const 0
        local.set $26
        loop $for-loop|3
         local.get $26
         local.get $35
         i32.lt_s
         if
          local.get $36
          local.get $26
          local.get $29
          i32.mul
          i32.const 3
          i32.shl
          i32.add
          local.set $15
          i32.const 0
          local.set $27
          loop $for-loop|4
           local.get $27
           local.get $37
           i32.lt_s
           if
            local.get $14
            local.get $27
            local.get $29
            i32.mul
            i32.const 3
            i32.shl
            i32.add
            local.set $18
            local.get $15
            local.set $13
            local.get $11
            local.get $25
            local.get $27
            i32.add
            local.get $12
            i32.mul
            local.get $28
            i32.add
            local.get $26
            i32.add
            i32.const 3
            i32.shl
            i32.add
            local.set $22
            i32.const 4
            local.get $37
            local.get $27
            i32.sub
            local.tee $21
            local.get $21
            i32.const 4
            i32.gt_s
            select
            local.set $38
            i32.const 4
            local.get $35
            local.get $26
            i32.sub
            local.tee $21
            local.get $21
            i32.const 4
            i32.gt_s
            select
            local.set $39
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $17
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $16
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $23
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $30
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $31
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $32
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $33
            v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
            local.set $34
            i32.const 0
            local.set $21
            loop $for-loop|5
             local.get $21
             local.get $29
             i32.lt_s
             if
              local.get $17
              local.get $18
              v128.load64_splat
              local.tee $41
              local.get $13
              v128.load
              local.tee $42
              f64x2.mul
              f64x2.add
              local.set $17
              local.get $16
              local.get $41
              local.get $13
              v128.load offset=16
              local.tee $41
              f64x2.mul
              f64x2.add
              local.set $16
              local.get $23
              local.get $18
              v128.load64_splat offset=8
              local.tee $43
              local.get $42
              f64x2.mul
              f64x2.add
              local.set $23
              local.get $30
              local.get $43
              local.get $41
              f64x2.mul
              f64x2.add
              local.set $30
              local.get $31
              local.get $18
              v128.load64_splat offset=16
              local.tee $43
              local.get $42
              f64x2.mul
              f64x2.add
              local.set $31
              local.get $32
              local.get $43
              local.get $41
              f64x2.mul
              f64x2.add
              local.set $32
              local.get $33
              local.get $18
              v128.load64_splat offset=24
              local.tee $43
              local.get $42
              f64x2.mul
              f64x2.add
              local.set $33
              local.get $34
              local.get $43
              local.get $41
              f64x2.mul
              f64x2.add
              local.set $34
              local.get $18
              i32.const 32
              i32.add
              local.set $18
              local.get $13
              i32.const 32
              i32.add
              local.set $13
              local.get $21
              i32.const 1
              i32.add
              local.set $21
              br $for-loop|5
             end
            end
            local.get $5
            f64x2.splat
            local.set $41
            block $src/core/wasm/assembly/gemm/kernel|inlined.0
             local.get $39
             i32.const 4
             i32.eq
             local.get $38
             i32.const 4
             i32.eq
             i32.and
             if
              local.get $41
              local.get $17
              f64x2.mul
              local.set $17
              local.get $41
              local.get $16
              f64x2.mul
              local.set $16
              local.get $19
              f64.const 0
              f64.ne
              if
               local.get $17
               local.get $19
               f64x2.splat
               local.tee $42
               local.get $22
               v128.load
               f64x2.mul
               f64x2.add
               local.set $17
               local.get $16
               local.get $42
               local.get $22
               v128.load offset=16
               f64x2.mul
               f64x2.add
               local.set $16
              end
              local.get $22
              local.get $17
              v128.store
              local.get $22
              local.get $16
              v128.store offset=16
              local.get $12
              i32.const 3
              i32.shl
              local.tee $13
              local.get $22
              i32.add
              local.set $18
              local.get $41
              local.get $23
              f64x2.mul
              local.set $17
              local.get $41
              local.get $30
              f64x2.mul
              local.set $16
              local.get $19
              f64.const 0
              f64.ne
              if
               local.get $17
               local.get $19
               f64x2.splat
               local.tee $23
               local.get $18
               v128.load
               f64x2.mul
               f64x2.add
               local.set $17
               local.get $16
               local.get $23
               local.get $18
               v128.load offset=16
               f64x2.mul
               f64x2.add
               local.set $16
              end
              local.get $18
              local.get $17
              v128.store
              local.get $18
              local.get $16
              v128.store offset=16
              local.get $22
              local.get $13
              i32.const 1
              i32.shl
              i32.add
              local.set $18
              local.get $41
              local.get $31
              f64x2.mul
              local.set $17
              local.get $41
              local.get $32
              f64x2.mul
              local.set $16
              local.get $19
              f64.const 0
              f64.ne
              if
               local.get $17
               local.get $19
               f64x2.splat
               local.tee $23
               local.get $18
               v128.load
               f64x2.mul
               f64x2.add
               local.set $17
               local.get $16
               local.get $23
               local.get $18
               v128.load offset=16
               f64x2.mul
               f64x2.add
               local.set $16
              end
              local.get $18
              local.get $17
              v128.store
              local.get $18
              local.get $16
              v128.store offset=16
              local.get $22
              local.get $13
              i32.const 3
              i32.mul
              i32.add
              local.set $13
              local.get $41
              local.get $33
              f64x2.mul
              local.set $17
              local.get $41
              local.get $34
              f64x2.mul
              local.set $16
              local.get $19
              f64.const 0
              f64.ne
              if
               local.get $17
               local.get $19
               f64x2.splat
               local.tee $23
               local.get $13
               v128.load
               f64x2.mul
               f64x2.add
               local.set $17
               local.get $16
               local.get $23
               local.get $13
               v128.load offset=16
               f64x2.mul
               f64x2.add
               local.set $16
              end
              local.get $13
              local.get $17
              v128.store
              local.get $13
              local.get $16
              v128.store offset=16
              br $src/core/wasm/assembly/gemm/kernel|inlined.0
             end
             local.get $20
             local.get $17
             v128.store
             local.get $20
             local.get $16
             v128.store offset=16
             local.get $20
             local.get $23
             v128.store offset=32
             local.get $20
             local.get $30
             v128.store offset=48
             local.get $20
             local.get $31
             v128.store offset=64
             local.get $20
             local.get $32
             v128.store offset=80
             local.get $20
             local.get $33
             v128.store offset=96
             local.get $20
             local.get $34
             v128.store offset=112
             i32.const 0
             local.set $13
             loop $for-loop|6
              local.get $13
              local.get $38
              i32.lt_s
              if
               local.get $22
               local.get $12
               local.get $13
               i32.mul
               i32.const 3
               i32.shl
               i32.add
               local.set $44
               i32.const 0
               local.set $18
               loop $for-loop|7
                local.get $18
                local.get $39
                i32.lt_s
                if
                 local.get $5
                 local.get $20
                 local.get $13
                 i32.const 2
                 i32.shl
                 local.get $18
                 i32.add
                 i32.const 3
                 i32.shl
                 i32.add
                 f64.load
                 f64.mul
                 local.set $40
                 local.get $44
                 local.get $18
                 i32.const 3
                 i32.shl
                 i32.add
                 local.tee $21
                 local.get $19
                 f64.const 0
                 f64.eq
                 if (result f64)
                  local.get $40
                 else
                  local.get $40
                  local.get $19
                  local.get $21
                  f64.load
                  f64.mul
                  f64.add
                 end
                 f64.store
                 local.get $18
                 i32.const 1
                 i32.add
                 local.set $18
                 br $for-loop|7
                end
               end
               local.get $13
               i32.const 1
               i32.add
               local.set $13
               br $for-loop|6
              end
             end
            end
            local.get $27
            i32.const 4
            i32.add
            local.set $27
            br $for-loop|4
           end
          end
          local.get $26
          i32.const 4
          i32.add
          local.set $26
          br $for-loop|3
         end
        end
        local.get $25
        i32.const -64
        i32.sub
        local.set $25
        br $for-loop|2
       end
      end
      local.get $24
      i32.const 256
      i32.add
      local.set $24
      br $for-loop|11
     end
    end
    local.get $28
    i32.const 1024
    i32.add
    local.set $28
    br $for-loop|00
   end
  end
 )
)
