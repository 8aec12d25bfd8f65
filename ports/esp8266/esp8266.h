/* Internal interface of the ESP8266 port: what main.c, hal.c, file.c and board.c share. */
#ifndef MT_ESP8266_H
#define MT_ESP8266_H

#include <stdbool.h>
#include <stddef.h>

/* CCOUNT ticks per microsecond: 80 on the chip; QEMU's lx106 model counts at 40 */
#ifndef MT_ESP_CPU_MHZ
#define MT_ESP_CPU_MHZ 80
#endif

void mt_hal_stdout_flush(void);

/* hal.c: the console becomes the board's UART (see hal.c); until then it is program mode */
void mt_esp_console_begin(void);
bool mt_esp_board_mode(void);
bool mt_esp_console_ended(void); /* board mode: the console's input ended and was all read */

/* board.c: run the board (machine/boot.c) on this heap until the console's input ends */
int mt_esp_board_main(void *heap, size_t heap_size);

#endif
