/* libyaml, the C YAML parser: its event stream gives every node a place and lets aliases be counted before anything is expanded. */
#include <yaml.h>
