/* Reset and exception vectors of the lx106 (call0 ABI: no register windows).
 * Mote enables no interrupts, so every exception is a fault: it is reported through
 * semihosting and ends the run (see fault_report in sys.c). */

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
    .org    0x50                /* user exception */
    movi    a2, 3
    j       fault
    .org    0x70                /* double exception */
    movi    a2, 4
    j       fault

    .section .iram.text, "ax"
    .align  4
fault:                          /* a2 = which vector; C reads the special registers */
    movi    a1, _stack_top - 256
    movi    a0, fault_report
    callx0  a0
1:  j       1b
