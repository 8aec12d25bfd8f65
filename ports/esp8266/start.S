/* Reset and exception vectors of the lx106 (call0 ABI: no register windows).
 * The one interrupt Mote uses is the level-1 timer (CCOMPARE0, sys.c): it arrives through
 * the user exception vector with EXCCAUSE 4 and is handed to sys_interrupt with every
 * register the C code may clobber saved. Every other exception is a fault: it is reported
 * through semihosting and ends the run (see fault_report in sys.c). */

#define EXCCAUSE_LEVEL1_INTERRUPT 4
#define IRQ_FRAME 80            /* a0, a2..a15, SAR: 16 words, rounded up to 16 bytes */

    .section .resetvec, "ax"
    .global _resetvec
_resetvec:                      /* QEMU's sim machine starts here, whatever the ELF says */
    j       1f
    .align  4
2:  .word   _reset
1:  l32r    a0, 2b
    jx      a0

    .section .reset, "ax"
    .global _reset
    .align  4
_reset:
    movi    a1, _stack_top
    movi    a2, _vectors
    wsr     a2, vecbase
    movi    a2, 0               /* no interrupts, no pending exception */
    wsr     a2, intenable
    movi    a2, 0x20            /* PS: UM=1, INTLEVEL=0, EXCM=0 */
    wsr     a2, ps
    rsync
    movi    a0, sys_start       /* never returns */
    callx0  a0
1:  j       1b

/* vector offsets of the lx106 from VECBASE */
    .section .vectors, "ax"
    .align  256
    .org    0x10                /* debug */
    movi    a2, 1
    j       fault
    .org    0x20                /* NMI */
    rfi     3
    .org    0x30                /* kernel exception */
    movi    a2, 2
    j       fault
    .org    0x50                /* user exception: a level-1 interrupt or a fault */
    addi    a1, a1, -IRQ_FRAME
    s32i    a2, a1, 8
    j       user_exception
    .org    0x70                /* double exception */
    movi    a2, 4
    j       fault

    .section .iram.text, "ax"
    .align  4
user_exception:
    rsr     a2, exccause
    beqi    a2, EXCCAUSE_LEVEL1_INTERRUPT, level1
    movi    a2, 3
    j       fault

/* the interrupted code's registers go below its stack pointer (the call0 ABI keeps nothing
 * there); PS.EXCM stays set until rfe, so no second level-1 interrupt nests in this one */
level1:
    s32i    a0, a1, 0
    s32i    a3, a1, 12
    s32i    a4, a1, 16
    s32i    a5, a1, 20
    s32i    a6, a1, 24
    s32i    a7, a1, 28
    s32i    a8, a1, 32
    s32i    a9, a1, 36
    s32i    a10, a1, 40
    s32i    a11, a1, 44
    s32i    a12, a1, 48
    s32i    a13, a1, 52
    s32i    a14, a1, 56
    s32i    a15, a1, 60
    rsr     a2, sar
    s32i    a2, a1, 64
    movi    a0, sys_interrupt
    callx0  a0
    l32i    a2, a1, 64
    wsr     a2, sar
    l32i    a0, a1, 0
    l32i    a2, a1, 8
    l32i    a3, a1, 12
    l32i    a4, a1, 16
    l32i    a5, a1, 20
    l32i    a6, a1, 24
    l32i    a7, a1, 28
    l32i    a8, a1, 32
    l32i    a9, a1, 36
    l32i    a10, a1, 40
    l32i    a11, a1, 44
    l32i    a12, a1, 48
    l32i    a13, a1, 52
    l32i    a14, a1, 56
    l32i    a15, a1, 60
    addi    a1, a1, IRQ_FRAME
    rfe

fault:                          /* a2 = which vector; C reads the special registers */
    movi    a1, _stack_top - 256
    movi    a0, fault_report
    callx0  a0
1:  j       1b
