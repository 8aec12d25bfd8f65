/* Host (unix) port configuration: overrides of core/config.h defaults. */
#define MT_CONFIG_PLATFORM "linux"
