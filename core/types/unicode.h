/* Unicode character classes and case mapping (core/types/unicode.c).
 *
 * Limits (a chip has no room for the full Unicode database): ASCII and Latin-1 are exact;
 * case mapping covers Latin Extended-A/B (most pairs), Latin Extended Additional, Greek
 * (basic and accented, final sigma), Cyrillic, Armenian, Georgian, Glagolitic, Roman numerals,
 * circled letters, fullwidth Latin and Deseret, plus the special full mappings of
 * U+00DF (ß -> SS), U+0130, U+0149, U+01F0, U+FB00-FB06 (ligatures) and the title-case
 * digraphs (U+01C4..). Letters (isalpha) are known for the main alphabets and CJK; digits and
 * numerics for the common decimal scripts, super/subscripts, circled numbers, vulgar
 * fractions, Roman numerals and the CJK numerals; spaces exactly as CPython. Unassigned code
 * points are mostly treated as printable. */
#ifndef MT_UNICODE_H
#define MT_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ASCII class bits (mt_ascii_class[c] for c < 128) */
#define MT_CC_SPACE  0x01
#define MT_CC_DIGIT  0x02
#define MT_CC_UPPER  0x04
#define MT_CC_LOWER  0x08
#define MT_CC_XDIGIT 0x10
#define MT_CC_PUNCT  0x20 /* printable, not alnum, not space */
#define MT_CC_ALPHA  (MT_CC_UPPER | MT_CC_LOWER)
#define MT_CC_ALNUM  (MT_CC_ALPHA | MT_CC_DIGIT)
extern const uint8_t mt_ascii_class[128];
#define MT_ASCII_IS(c, bits) ((c) < 128 && (mt_ascii_class[c] & (bits)) != 0)

bool mt_unichar_isspace(uint32_t c);
bool mt_unichar_isalpha(uint32_t c);
bool mt_unichar_isdecimal(uint32_t c); /* Nd */
bool mt_unichar_isdigit(uint32_t c);   /* Nd + other digits (superscripts, circled ...) */
bool mt_unichar_isnumeric(uint32_t c); /* digits + fractions, Roman numerals, CJK numerals */
bool mt_unichar_isupper(uint32_t c);
bool mt_unichar_islower(uint32_t c);
bool mt_unichar_istitle(uint32_t c); /* title-case letters (U+01C5 ...) */
bool mt_unichar_iscased(uint32_t c); /* upper, lower or title */
bool mt_unichar_isprintable(uint32_t c);
bool mt_unichar_isidstart(uint32_t c); /* letters and '_' */
bool mt_unichar_isidcont(uint32_t c);  /* + digits, combining marks */
bool mt_unichar_iscombining(uint32_t c);
/* value of a decimal digit of any script, -1 if c is not one (int('٣'), float(...)) */
int mt_unichar_decimal_value(uint32_t c);

/* simple (one to one) mappings */
uint32_t mt_unichar_toupper(uint32_t c);
uint32_t mt_unichar_tolower(uint32_t c);

/* full mappings: write 1..3 code points to out, return how many */
typedef enum { MT_CASE_UPPER, MT_CASE_LOWER, MT_CASE_TITLE, MT_CASE_FOLD } mt_case_t;
size_t mt_unichar_case_full(uint32_t c, mt_case_t kind, uint32_t out[3]);

#endif
