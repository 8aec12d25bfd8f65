/* Internal interface of the ESP8266 port: what main.c and hal.c share. */
#ifndef MT_ESP8266_H
#define MT_ESP8266_H

/* CCOUNT ticks per microsecond: 80 on the chip; QEMU's lx106 model counts at 40 */
#ifndef MT_ESP_CPU_MHZ
#define MT_ESP_CPU_MHZ 80
#endif

void mt_esp_stdout_flush(void);

#endif
