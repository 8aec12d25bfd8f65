/* The virtual ESP8266 board on the host (board.c): `mote --board esp8266 ...`. */
#ifndef MT_UNIX_UNIXBOARD_H
#define MT_UNIX_UNIXBOARD_H

/* Run the board `mote --board NAME [options]` asks for (argv is the whole command line);
 * returns the process exit status (2 for bad options). */
int mt_unix_board_main(int argc, char **argv);

#endif
