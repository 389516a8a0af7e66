// A software prefetch for Swift, which has no intrinsic for it: the dedup
// indexes start loading the buckets a batch of lookups will read (see
// ExactIndex.prefetch). Header only; inlined where it is called.
#ifndef CZHNORMPREFETCH_H
#define CZHNORMPREFETCH_H

/// Starts loading the cache line at `address` into all cache levels. A hint:
/// it never faults, and the instruction retires without waiting for the line.
static inline void zhnorm_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
