/* The esp module of the ESP8266 board: deep sleep, the raw SPI flash (fs/flash.h: only its
 * user area, where the filesystem lives, is reachable on the virtual board), osdebug and
 * sleep_type. */
#include "board.h"

#include "runtime.h"

static mt_flash_t *flash_or_raise(void) {
    mt_flash_t *f = mt_board_flash();
    if (f == NULL) mt_raise_oserror(MT_FS_ENODEV);
    return f;
}

static void check(int err) {
    if (err) mt_raise_oserror(err);
}

/* deepsleep(time_us=0, option=0): 0 sleeps until the RST pin */
static mt_obj_t esp_deepsleep(size_t n, const mt_obj_t *args) {
    mt_int_t us = n > 0 ? mt_obj_get_int(args[0]) : 0;
    if (n > 1) mt_obj_get_int(args[1]);
    mt_board_reset(MT_RESET_DEEPSLEEP, us > 0 ? (uint64_t)us : 0);
}
static MT_DEFINE_FUN_VAR(esp_deepsleep_obj, 0, 2, esp_deepsleep);

static mt_obj_t esp_flash_id(void) {
    return mt_int_from_ull(mt_flash_id(flash_or_raise()));
}
static MT_DEFINE_FUN_0(esp_flash_id_obj, esp_flash_id);

static mt_obj_t esp_flash_size(void) {
    return mt_int_from_ull(mt_flash_size(flash_or_raise()));
}
static MT_DEFINE_FUN_0(esp_flash_size_obj, esp_flash_size);

static mt_obj_t esp_flash_user_start(void) {
    return mt_int_from_ull(mt_flash_user_start(flash_or_raise()));
}
static MT_DEFINE_FUN_0(esp_flash_user_start_obj, esp_flash_user_start);

static uint32_t flash_offset(mt_obj_t o) {
    mt_int_t off = mt_obj_get_int(o);
    if (off < 0 || off > (mt_int_t)UINT32_MAX) mt_raise_oserror(MT_FS_EINVAL);
    return (uint32_t)off;
}

/* flash_read(offset, length) -> bytes; flash_read(offset, buffer) fills the buffer */
static mt_obj_t esp_flash_read(mt_obj_t offset, mt_obj_t len_or_buf) {
    mt_flash_t *f = flash_or_raise();
    uint32_t off = flash_offset(offset);
    if (mt_obj_is_int(len_or_buf)) {
        mt_int_t len = mt_obj_get_int(len_or_buf);
        if (len < 0 || len > (mt_int_t)mt_flash_size(f)) mt_raise_oserror(MT_FS_EINVAL);
        uint8_t *buf = mt_alloc(len ? (size_t)len : 1);
        check(mt_flash_read(f, off, buf, (uint32_t)len));
        mt_obj_t b = mt_bytes_new(buf, (size_t)len);
        mt_free(buf);
        return b;
    }
    mt_buffer_info_t info;
    mt_get_buffer_raise(len_or_buf, &info, MT_BUFFER_WRITE);
    check(mt_flash_read(f, off, info.buf, (uint32_t)info.len));
    return MT_NONE;
}
static MT_DEFINE_FUN_2(esp_flash_read_obj, esp_flash_read);

static mt_obj_t esp_flash_write(mt_obj_t offset, mt_obj_t data) {
    mt_flash_t *f = flash_or_raise();
    uint32_t off = flash_offset(offset);
    mt_buffer_info_t info;
    mt_get_buffer_raise(data, &info, MT_BUFFER_READ);
    if (info.len & 3) mt_raise_value_error("len must be multiple of 4");
    check(mt_flash_write(f, off, info.buf, (uint32_t)info.len));
    return MT_NONE;
}
static MT_DEFINE_FUN_2(esp_flash_write_obj, esp_flash_write);

static mt_obj_t esp_flash_erase(mt_obj_t sector) {
    mt_flash_t *f = flash_or_raise();
    mt_int_t s = mt_obj_get_int(sector);
    if (s < 0 || s > (mt_int_t)(UINT32_MAX / MT_FLASH_SECTOR)) mt_raise_oserror(MT_FS_EINVAL);
    check(mt_flash_erase(f, (uint32_t)s));
    return MT_NONE;
}
static MT_DEFINE_FUN_1(esp_flash_erase_obj, esp_flash_erase);

/* the system's debug output on the UART: the virtual board has none to silence */
static mt_obj_t esp_osdebug(mt_obj_t level) {
    if (level != MT_NONE) mt_obj_get_int(level);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(esp_osdebug_obj, esp_osdebug);

static int sleep_type; /* SLEEP_NONE: the WiFi's power saving (remembered only) */

static mt_obj_t esp_sleep_type(size_t n, const mt_obj_t *args) {
    if (n == 0) return MT_NEW_SMALL_INT(sleep_type);
    mt_int_t t = mt_obj_get_int(args[0]);
    if (t < 0 || t > 2) mt_raise_value_error("invalid sleep type");
    sleep_type = (int)t;
    return MT_NONE;
}
static MT_DEFINE_FUN_VAR(esp_sleep_type_obj, 0, 1, esp_sleep_type);

static const mt_map_elem_t esp_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_esp)},
    {MT_ROM_QSTR(MT_QSTR_deepsleep), MT_ROM_PTR(&esp_deepsleep_obj)},
    {MT_ROM_QSTR(MT_QSTR_flash_id), MT_ROM_PTR(&esp_flash_id_obj)},
    {MT_ROM_QSTR(MT_QSTR_flash_size), MT_ROM_PTR(&esp_flash_size_obj)},
    {MT_ROM_QSTR(MT_QSTR_flash_user_start), MT_ROM_PTR(&esp_flash_user_start_obj)},
    {MT_ROM_QSTR(MT_QSTR_flash_read), MT_ROM_PTR(&esp_flash_read_obj)},
    {MT_ROM_QSTR(MT_QSTR_flash_write), MT_ROM_PTR(&esp_flash_write_obj)},
    {MT_ROM_QSTR(MT_QSTR_flash_erase), MT_ROM_PTR(&esp_flash_erase_obj)},
    {MT_ROM_QSTR(MT_QSTR_osdebug), MT_ROM_PTR(&esp_osdebug_obj)},
    {MT_ROM_QSTR(MT_QSTR_sleep_type), MT_ROM_PTR(&esp_sleep_type_obj)},
    {MT_ROM_QSTR(MT_QSTR_SLEEP_NONE), MT_ROM_INT(0)},
    {MT_ROM_QSTR(MT_QSTR_SLEEP_LIGHT), MT_ROM_INT(1)},
    {MT_ROM_QSTR(MT_QSTR_SLEEP_MODEM), MT_ROM_INT(2)},
};
MT_DEFINE_MODULE(mt_module_esp, esp_table);
