/* libstemmer, the Snowball stemmers in C: the review matches talking points on English word stems ("escalated" → "escal"). */
#include <libstemmer.h>
