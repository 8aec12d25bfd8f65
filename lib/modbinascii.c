/* binascii: hexlify unhexlify a2b_base64 b2a_base64 crc32 (as CPython and MicroPython). */
#include "lib.h"

static const char hexdig[] = "0123456789abcdef";

static mt_obj_t binascii_hexlify(size_t n, const mt_obj_t *args) {
    mt_buffer_info_t b;
    mt_get_buffer_raise(args[0], &b, MT_BUFFER_READ);
    size_t seplen = 0;
    const char *sep = NULL;
    if (n > 1 && args[1] != MT_NONE) {
        sep = mt_str_data(args[1], &seplen);
        if (seplen != 1) mt_raise_value_error("sep must be length 1.");
    }
    mt_vstr_t v;
    mt_vstr_init(&v, b.len * (2 + seplen) + 1);
    const uint8_t *p = b.buf;
    for (size_t i = 0; i < b.len; i++) {
        if (i && sep) mt_vstr_add_byte(&v, (uint8_t)sep[0]);
        mt_vstr_add_byte(&v, (uint8_t)hexdig[p[i] >> 4]);
        mt_vstr_add_byte(&v, (uint8_t)hexdig[p[i] & 15]);
    }
    return mt_bytes_new_from_vstr(&v);
}
static MT_DEFINE_FUN_VAR(binascii_hexlify_obj, 1, 2, binascii_hexlify);

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static mt_obj_t binascii_unhexlify(mt_obj_t data) {
    mt_buffer_info_t b;
    if (mt_obj_is_str(data))
        b.buf = (void *)mt_str_data(data, &b.len);
    else
        mt_get_buffer_raise(data, &b, MT_BUFFER_READ);
    if (b.len & 1) mt_raise_value_error("Odd-length string");
    mt_vstr_t v;
    mt_vstr_init(&v, b.len / 2 + 1);
    const uint8_t *p = b.buf;
    for (size_t i = 0; i < b.len; i += 2) {
        int hi = hexval(p[i]), lo = hexval(p[i + 1]);
        if (hi < 0 || lo < 0) mt_raise_value_error("Non-hexadecimal digit found");
        mt_vstr_add_byte(&v, (uint8_t)(hi << 4 | lo));
    }
    return mt_bytes_new_from_vstr(&v);
}
static MT_DEFINE_FUN_1(binascii_unhexlify_obj, binascii_unhexlify);

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static mt_obj_t binascii_b2a_base64(size_t n, const mt_obj_t *args, mt_map_t *kw) {
    static const mt_arg_spec_t spec[] = {
        {MT_QSTR_data, MT_ARG_REQUIRED | MT_ARG_POS_ONLY, MT_NULL},
        {MT_QSTR_newline, MT_ARG_KW_ONLY, MT_TRUE},
    };
    mt_obj_t a[2];
    mt_arg_parse(n, args, kw, 2, spec, a);
    mt_buffer_info_t b;
    mt_get_buffer_raise(a[0], &b, MT_BUFFER_READ);
    mt_vstr_t v;
    mt_vstr_init(&v, (b.len + 2) / 3 * 4 + 2);
    const uint8_t *p = b.buf;
    for (size_t i = 0; i < b.len; i += 3) {
        uint32_t w = (uint32_t)p[i] << 16;
        if (i + 1 < b.len) w |= (uint32_t)p[i + 1] << 8;
        if (i + 2 < b.len) w |= p[i + 2];
        mt_vstr_add_byte(&v, (uint8_t)b64[w >> 18]);
        mt_vstr_add_byte(&v, (uint8_t)b64[(w >> 12) & 63]);
        mt_vstr_add_byte(&v, i + 1 < b.len ? (uint8_t)b64[(w >> 6) & 63] : '=');
        mt_vstr_add_byte(&v, i + 2 < b.len ? (uint8_t)b64[w & 63] : '=');
    }
    if (mt_is_true(a[1])) mt_vstr_add_byte(&v, '\n');
    return mt_bytes_new_from_vstr(&v);
}
static MT_DEFINE_FUN_KW(binascii_b2a_base64_obj, 1, binascii_b2a_base64);

static int b64val(int c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

/* non-alphabet characters are skipped as CPython does (non-strict mode); padding ends */
static mt_obj_t binascii_a2b_base64(mt_obj_t data) {
    mt_buffer_info_t b;
    if (mt_obj_is_str(data))
        b.buf = (void *)mt_str_data(data, &b.len);
    else
        mt_get_buffer_raise(data, &b, MT_BUFFER_READ);
    mt_vstr_t v;
    mt_vstr_init(&v, b.len / 4 * 3 + 3);
    const uint8_t *p = b.buf;
    uint32_t acc = 0;
    int nbits = 0, quad = 0, pads = 0;
    for (size_t i = 0; i < b.len; i++) {
        if (p[i] == '=') {
            if (quad >= 2 && quad + ++pads >= 4) break;
            continue;
        }
        int d = b64val(p[i]);
        if (d < 0) continue;
        if (pads) mt_raise_value_error("Discontinuous padding not allowed"); /* stray data */
        acc = (acc << 6) | (uint32_t)d;
        nbits += 6;
        quad = (quad + 1) & 3;
        if (nbits >= 8) {
            nbits -= 8;
            mt_vstr_add_byte(&v, (uint8_t)(acc >> nbits));
        }
    }
    if (quad == 1) mt_raise_value_error("Invalid base64-encoded string");
    if (quad != 0 && quad + pads < 4) mt_raise_value_error("Incorrect padding");
    return mt_bytes_new_from_vstr(&v);
}
static MT_DEFINE_FUN_1(binascii_a2b_base64_obj, binascii_a2b_base64);

static mt_obj_t binascii_crc32(size_t n, const mt_obj_t *args) {
    mt_buffer_info_t b;
    mt_get_buffer_raise(args[0], &b, MT_BUFFER_READ);
    uint32_t crc = n > 1 ? (uint32_t)(mt_obj_get_ll(args[1]) & 0xffffffff) : 0;
    return mt_int_from_ull(mt_crc32(crc, b.buf, b.len));
}
static MT_DEFINE_FUN_VAR(binascii_crc32_obj, 1, 2, binascii_crc32);

static const mt_map_elem_t binascii_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_binascii)},
    {MT_ROM_QSTR(MT_QSTR_hexlify), MT_ROM_PTR(&binascii_hexlify_obj)},
    {MT_ROM_QSTR(MT_QSTR_unhexlify), MT_ROM_PTR(&binascii_unhexlify_obj)},
    {MT_ROM_QSTR(MT_QSTR_a2b_base64), MT_ROM_PTR(&binascii_a2b_base64_obj)},
    {MT_ROM_QSTR(MT_QSTR_b2a_base64), MT_ROM_PTR(&binascii_b2a_base64_obj)},
    {MT_ROM_QSTR(MT_QSTR_crc32), MT_ROM_PTR(&binascii_crc32_obj)},
};
MT_DEFINE_MODULE(mt_module_binascii, binascii_table);
