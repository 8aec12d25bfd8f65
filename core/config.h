/* Mote build configuration: every knob with its documented default.
 * A port overrides a knob by defining it in its mtconfigport.h (found on the include path)
 * before these defaults apply. */
#ifndef MT_CONFIG_H
#define MT_CONFIG_H

#include "mtconfigport.h"

/* Size of the GC heap when the port does not give one (-X heapsize overrides on unix). */
#ifndef MT_CONFIG_HEAP_SIZE
#define MT_CONFIG_HEAP_SIZE (8 * 1024 * 1024)
#endif

/* Bytes of C stack the interpreter may use before raising RuntimeError
 * ("maximum recursion depth exceeded"). Leave a margin below the real stack. */
#ifndef MT_CONFIG_STACK_LIMIT
#define MT_CONFIG_STACK_LIMIT (256 * 1024)
#endif

/* Floating point: 1 = C double, 0 = C float (the chip may choose single precision). */
#ifndef MT_CONFIG_FLOAT_DOUBLE
#define MT_CONFIG_FLOAT_DOUBLE 1
#endif

/* Bytes in one GC block. 4 machine words: 16 on the chip, 32 on a 64-bit host. */
#ifndef MT_CONFIG_GC_BLOCK
#define MT_CONFIG_GC_BLOCK (4 * sizeof(void *))
#endif

/* Collect on every allocation (GC stress testing; -X gcstress on unix). */
#ifndef MT_CONFIG_GC_STRESS
#define MT_CONFIG_GC_STRESS 0
#endif

/* Bytes the lexer reads ahead from its source (it never holds the whole file). */
#ifndef MT_CONFIG_LEX_CHUNK
#define MT_CONFIG_LEX_CHUNK 64
#endif

/* Entries of REPL history kept. */
#ifndef MT_CONFIG_REPL_HISTORY
#define MT_CONFIG_REPL_HISTORY 8
#endif

/* Complex numbers (the complex type and 1j literals). */
#ifndef MT_CONFIG_COMPLEX
#define MT_CONFIG_COMPLEX 1
#endif

/* Largest LZ77 window (2**bits bytes) zlib.compress and DeflateIO writing use; the
 * compressor needs about 5 * 2**bits bytes of heap. Decompression is not limited by it. */
#ifndef MT_CONFIG_DEFLATE_MAX_WBITS
#define MT_CONFIG_DEFLATE_MAX_WBITS 14
#endif

/* Name of the platform reported in sys.platform. */
#ifndef MT_CONFIG_PLATFORM
#define MT_CONFIG_PLATFORM "linux"
#endif

#endif
