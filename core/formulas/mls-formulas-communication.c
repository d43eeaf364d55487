/* mls-formulas-communication.c — collectives and networks in the α–β model
 *
 * Collective times follow Hockney's α–β model (R. Hockney, "The communication challenge for
 * MPP", Parallel Computing 20, 1994): a message of M bytes costs α + M/β. There is no γ
 * (reduction arithmetic) term, as in the reference.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "mls-formulas-private.h"
#include "mls-formulas-communication.h"

static gboolean
check_link (const MlsQuantity *bandwidth,
            const MlsQuantity *latency,
            const char        *bandwidth_name,
            const char        *latency_name,
            GError           **error)
{
  return mls_formula_check_positive (bandwidth, MLS_KIND_BANDWIDTH, bandwidth_name, error) &&
         mls_formula_check_nonnegative (latency, MLS_KIND_TIME, latency_name, error);
}

static gboolean
check_collective (const MlsQuantity *message,
                  guint              n_gpus,
                  const MlsQuantity *bandwidth,
                  const MlsQuantity *latency,
                  GError           **error)
{
  return mls_formula_check_nonnegative (message, MLS_KIND_DATA, "message", error) &&
         mls_formula_check_count (n_gpus, 1, "n_gpus", error) &&
         check_link (bandwidth, latency, "bandwidth", "latency", error);
}

/* 2(N − 1)/N · M/β + 2(N − 1)·α, in seconds */
static double
ring_allreduce (double m,
                double n,
                double beta,
                double alpha)
{
  return 2.0 * (n - 1.0) / n * m / beta + 2.0 * (n - 1.0) * alpha;
}

/**
 * mls_calc_network_latency:
 * @distance: the one-way distance, such as “1000 km”
 * @signal_speed: the propagation speed in the medium, such as the registry's 200000 km/s for
 *   light in fibre
 * @out: (out caller-allocates): the round-trip time, 2·d / v
 * @error: return location for a #GError
 *
 * Round-trip propagation delay, RTT = 2d / v. In silica fibre light travels at about c/1.47,
 * some 200,000 km/s (the reference's `SPEED_OF_LIGHT_FIBER_KM_S`).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units, the distance is negative or the speed is not positive
 */
gboolean
mls_calc_network_latency (const MlsQuantity *distance,
                          const MlsQuantity *signal_speed,
                          MlsQuantity       *out,
                          GError           **error)
{
  if (!mls_formula_check_nonnegative (distance, MLS_KIND_LENGTH, "distance", error) ||
      !mls_formula_check_positive (signal_speed, MLS_KIND_SPEED, "signal_speed", error))
    return FALSE;

  /* 2: there and back */
  mls_formula_set (out, 2.0 * distance->value / signal_speed->value, MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_point_to_point_time:
 * @message: the message size M
 * @bandwidth: the link bandwidth β
 * @latency: the per-message latency α
 * @out: (out caller-allocates): the transfer time, α + M/β
 * @error: return location for a #GError
 *
 * One message in the α–β model, T = α + M/β (Hockney, Parallel Computing 1994).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_point_to_point_time (const MlsQuantity *message,
                              const MlsQuantity *bandwidth,
                              const MlsQuantity *latency,
                              MlsQuantity       *out,
                              GError           **error)
{
  if (!mls_formula_check_nonnegative (message, MLS_KIND_DATA, "message", error) ||
      !check_link (bandwidth, latency, "bandwidth", "latency", error))
    return FALSE;

  mls_formula_set (out, latency->value + message->value / bandwidth->value, MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_ring_allreduce_time:
 * @message: the buffer reduced on every rank, M
 * @n_gpus: the ranks in the ring N, at least 1
 * @bandwidth: the per-rank link bandwidth β
 * @latency: the per-step latency α
 * @out: (out caller-allocates): the all-reduce time
 * @error: return location for a #GError
 *
 * Ring all-reduce (a reduce-scatter then an all-gather, each N − 1 steps of M/N bytes),
 * T = 2(N − 1)/N · M/β + 2(N − 1)·α (Patarasuk and Yuan, "Bandwidth optimal all-reduce
 * algorithms for clusters of workstations", JPDC 69, 2009; Thakur et al., IJHPCA 2005).
 * One rank needs no communication: T = 0.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range (no ranks, no bandwidth)
 */
gboolean
mls_calc_ring_allreduce_time (const MlsQuantity *message,
                              guint              n_gpus,
                              const MlsQuantity *bandwidth,
                              const MlsQuantity *latency,
                              MlsQuantity       *out,
                              GError           **error)
{
  if (!check_collective (message, n_gpus, bandwidth, latency, error))
    return FALSE;

  mls_formula_set (out, ring_allreduce (message->value, n_gpus, bandwidth->value, latency->value),
                   MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_tree_allreduce_time:
 * @message: the buffer reduced on every rank, M
 * @n_gpus: the ranks N, at least 1
 * @bandwidth: the per-rank link bandwidth β
 * @latency: the per-step latency α
 * @out: (out caller-allocates): the all-reduce time
 * @error: return location for a #GError
 *
 * Binary-tree all-reduce (a reduce up the tree, then a broadcast down, each ⌈log₂N⌉ steps of
 * the whole message), T = 2⌈log₂N⌉·M/β + 2⌈log₂N⌉·α (Thakur, Rabenseifner and Gropp,
 * "Optimization of collective communication operations in MPICH", IJHPCA 19, 2005).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_tree_allreduce_time (const MlsQuantity *message,
                              guint              n_gpus,
                              const MlsQuantity *bandwidth,
                              const MlsQuantity *latency,
                              MlsQuantity       *out,
                              GError           **error)
{
  if (!check_collective (message, n_gpus, bandwidth, latency, error))
    return FALSE;

  double depth = mls_formula_ceil_log2 (n_gpus);
  mls_formula_set (out,
                   2.0 * depth * message->value / bandwidth->value + 2.0 * depth * latency->value,
                   MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_double_binary_tree_allreduce_time:
 * @message: the buffer reduced on every rank, M
 * @n_gpus: the ranks N, at least 1
 * @bandwidth: the per-rank link bandwidth β
 * @latency: the per-step latency α
 * @latency_factor: the empirical overhead on the latency term, such as the registry's 1.2
 * @bandwidth_factor: the empirical overhead on the bandwidth term, such as the registry's 1.05
 * @out: (out caller-allocates): the all-reduce time
 * @error: return location for a #GError
 *
 * Double binary tree all-reduce as in NCCL: two complementary trees each carry half the
 * data, so the bandwidth term matches the ring while the latency grows with log₂N,
 * T = f_α·2·log₂N·α + f_β·2(N − 1)/N·M/β, with a fractional log₂ (Sanders, Speck and Träff,
 * "Two-tree algorithms for full bandwidth broadcast, reduction and scan", Parallel Computing
 * 35, 2009; S. Jeaugey, "Massively scale your deep learning training with NCCL 2.4", 2019).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_double_binary_tree_allreduce_time (const MlsQuantity *message,
                                            guint              n_gpus,
                                            const MlsQuantity *bandwidth,
                                            const MlsQuantity *latency,
                                            double             latency_factor,
                                            double             bandwidth_factor,
                                            MlsQuantity       *out,
                                            GError           **error)
{
  if (!check_collective (message, n_gpus, bandwidth, latency, error) ||
      !mls_formula_check_number_pos (latency_factor, "latency_factor", error) ||
      !mls_formula_check_number_pos (bandwidth_factor, "bandwidth_factor", error))
    return FALSE;

  double n = n_gpus;
  mls_formula_set (out,
                   latency_factor * 2.0 * log2 (n) * latency->value +
                     bandwidth_factor * 2.0 * (n - 1.0) / n * message->value / bandwidth->value,
                   MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_all_to_all_time:
 * @message: the data each rank sends in total, M (M/N to each peer)
 * @n_gpus: the ranks N, at least 1
 * @bandwidth: the per-rank link bandwidth β
 * @latency: the per-step latency α
 * @out: (out caller-allocates): the all-to-all time
 * @error: return location for a #GError
 *
 * Pairwise-exchange all-to-all, T = (N − 1)/N · M/β + (N − 1)·α (Thakur, Rabenseifner and
 * Gropp, IJHPCA 2005, §3.5). It carries expert-parallel token routing.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range (n_gpus of 0)
 */
gboolean
mls_calc_all_to_all_time (const MlsQuantity *message,
                          guint              n_gpus,
                          const MlsQuantity *bandwidth,
                          const MlsQuantity *latency,
                          MlsQuantity       *out,
                          GError           **error)
{
  if (!check_collective (message, n_gpus, bandwidth, latency, error))
    return FALSE;

  double n = n_gpus;
  mls_formula_set (out,
                   (n - 1.0) / n * message->value / bandwidth->value + (n - 1.0) * latency->value,
                   MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_hierarchical_allreduce_time:
 * @message: the buffer reduced on every GPU, M
 * @n_nodes: the nodes n, at least 1
 * @gpus_per_node: the GPUs in a node g, at least 1
 * @intra_bandwidth: the per-GPU bandwidth inside a node (NVLink, per direction)
 * @inter_bandwidth: the per-GPU bandwidth between nodes (its NIC)
 * @intra_latency: the per-step latency inside a node, such as the registry's 500 ns for
 *   NVLink
 * @inter_latency: the per-step latency between nodes, such as the registry's 5 µs for
 *   InfiniBand NDR
 * @out: (out caller-allocates): the all-reduce time
 * @error: return location for a #GError
 *
 * Two-level all-reduce: a reduce-scatter inside each node, a ring all-reduce of the 1/g shard
 * across the nodes, and an all-gather inside each node,
 * T = RS + ring(M/g, n, β_inter, α_inter) + AG with RS = AG = (g − 1)/g · M/β_intra +
 * (g − 1)·α_intra (Jia et al., "Highly scalable deep learning training system with
 * mixed-precision", 2018, §4.3; the newest reference form, 2026-06-06).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_hierarchical_allreduce_time (const MlsQuantity *message,
                                      guint              n_nodes,
                                      guint              gpus_per_node,
                                      const MlsQuantity *intra_bandwidth,
                                      const MlsQuantity *inter_bandwidth,
                                      const MlsQuantity *intra_latency,
                                      const MlsQuantity *inter_latency,
                                      MlsQuantity       *out,
                                      GError           **error)
{
  if (!mls_formula_check_nonnegative (message, MLS_KIND_DATA, "message", error) ||
      !mls_formula_check_count (n_nodes, 1, "n_nodes", error) ||
      !mls_formula_check_count (gpus_per_node, 1, "gpus_per_node", error) ||
      !check_link (intra_bandwidth, intra_latency, "intra_bandwidth", "intra_latency", error) ||
      !check_link (inter_bandwidth, inter_latency, "inter_bandwidth", "inter_latency", error))
    return FALSE;

  double m = message->value, g = gpus_per_node;
  double scatter = (g - 1.0) / g * m / intra_bandwidth->value + (g - 1.0) * intra_latency->value;
  double across = ring_allreduce (m / g, n_nodes, inter_bandwidth->value, inter_latency->value);

  /* the all-gather mirrors the reduce-scatter */
  mls_formula_set (out, scatter + across + scatter, MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_ring_allreduce_data_factor:
 * @n_gpus: the ranks N, at least 1
 * @out_factor: (out): the bytes each rank sends per byte of buffer, 2(N − 1)/N
 * @error: return location for a #GError
 *
 * The bandwidth factor of a ring all-reduce, 2(N − 1)/N: it tends to 2 as the ring grows
 * (Patarasuk and Yuan, JPDC 2009).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @n_gpus is 0
 */
gboolean
mls_calc_ring_allreduce_data_factor (guint    n_gpus,
                                     double  *out_factor,
                                     GError **error)
{
  if (!mls_formula_check_count (n_gpus, 1, "n_gpus", error))
    return FALSE;

  *out_factor = 2.0 * (n_gpus - 1.0) / n_gpus;
  return TRUE;
}

/**
 * mls_calc_ring_collective_data_factor:
 * @n_gpus: the ranks N, at least 1
 * @out_factor: (out): the bytes each rank sends per byte of buffer, (N − 1)/N
 * @error: return location for a #GError
 *
 * The bandwidth factor of a one-phase ring collective (reduce-scatter or all-gather),
 * (N − 1)/N (Thakur et al., IJHPCA 2005).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @n_gpus is 0
 */
gboolean
mls_calc_ring_collective_data_factor (guint    n_gpus,
                                      double  *out_factor,
                                      GError **error)
{
  if (!mls_formula_check_count (n_gpus, 1, "n_gpus", error))
    return FALSE;

  *out_factor = (n_gpus - 1.0) / n_gpus;
  return TRUE;
}

/**
 * mls_calc_ring_allreduce_latency_steps:
 * @n_gpus: the ranks N, at least 1
 * @out_steps: (out): the sequential steps, 2(N − 1)
 * @error: return location for a #GError
 *
 * The steps of a ring all-reduce, 2(N − 1): N − 1 for the reduce-scatter and N − 1 for the
 * all-gather (Patarasuk and Yuan, JPDC 2009).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @n_gpus is 0
 */
gboolean
mls_calc_ring_allreduce_latency_steps (guint    n_gpus,
                                       guint   *out_steps,
                                       GError **error)
{
  if (!mls_formula_check_count (n_gpus, 1, "n_gpus", error))
    return FALSE;

  *out_steps = 2 * (n_gpus - 1);
  return TRUE;
}

/**
 * mls_calc_ring_allreduce_latency_time:
 * @n_gpus: the ranks N, at least 1
 * @latency: the per-step latency α
 * @out: (out caller-allocates): the latency term, 2(N − 1)·α
 * @error: return location for a #GError
 *
 * The latency term of a ring all-reduce, 2(N − 1)·α (Patarasuk and Yuan, JPDC 2009).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_ring_allreduce_latency_time (guint              n_gpus,
                                      const MlsQuantity *latency,
                                      MlsQuantity       *out,
                                      GError           **error)
{
  if (!mls_formula_check_count (n_gpus, 1, "n_gpus", error) ||
      !mls_formula_check_nonnegative (latency, MLS_KIND_TIME, "latency", error))
    return FALSE;

  mls_formula_set (out, 2.0 * (n_gpus - 1.0) * latency->value, MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_alpha_beta_crossover:
 * @bandwidth: the link bandwidth β
 * @latency: the per-message latency α
 * @out: (out caller-allocates): the message size α·β
 * @error: return location for a #GError
 *
 * The message size at which latency and bandwidth cost the same, M* = α·β; smaller messages
 * are latency-bound (Hockney's half-performance length n½, Parallel Computing 1994).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_alpha_beta_crossover (const MlsQuantity *bandwidth,
                               const MlsQuantity *latency,
                               MlsQuantity       *out,
                               GError           **error)
{
  if (!check_link (bandwidth, latency, "bandwidth", "latency", error))
    return FALSE;

  mls_formula_set (out, latency->value * bandwidth->value, MLS_KIND_DATA);
  return TRUE;
}

/**
 * mls_calc_ring_tree_crossover_size:
 * @n_gpus: the ranks N, at least 2
 * @bandwidth: the per-rank link bandwidth β
 * @latency: the per-step latency α
 * @out: (out caller-allocates): the message size N·α·β / log₂N
 * @error: return location for a #GError
 *
 * The message size below which a tree all-reduce beats a ring, M* ≈ N·α·β / log₂N: the ring's
 * latency term grows with N, the tree's with log₂N (large-N balance of the two α–β costs;
 * Thakur et al., IJHPCA 2005).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or @n_gpus is below 2
 */
gboolean
mls_calc_ring_tree_crossover_size (guint              n_gpus,
                                   const MlsQuantity *bandwidth,
                                   const MlsQuantity *latency,
                                   MlsQuantity       *out,
                                   GError           **error)
{
  if (!mls_formula_check_count (n_gpus, 2, "n_gpus", error) ||
      !check_link (bandwidth, latency, "bandwidth", "latency", error))
    return FALSE;

  double n = n_gpus;
  mls_formula_set (out, n * latency->value * bandwidth->value / log2 (n), MLS_KIND_DATA);
  return TRUE;
}

/**
 * mls_calc_oversubscription_effect:
 * @cross_fraction: the fraction f of traffic that crosses the oversubscribed tier, in [0, 1]
 * @oversubscription: the oversubscription ratio r (3 for 3:1, 1 for non-blocking), greater
 *   than zero
 * @out_throughput: (out): the throughput relative to a non-blocking fabric,
 *   1 / ((1 − f) + f·r)
 * @out_loss: (out): the throughput lost, 1 minus that
 * @error: return location for a #GError
 *
 * Traffic crossing an r:1 oversubscribed tier runs r times slower, so the effective
 * throughput is 1 / ((1 − f) + f·r) (oversubscription as defined by Al-Fares, Loukissas and
 * Vahdat, "A scalable, commodity data center network architecture", SIGCOMM 2008).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument is out of
 *   range
 */
gboolean
mls_calc_oversubscription_effect (double   cross_fraction,
                                  double   oversubscription,
                                  double  *out_throughput,
                                  double  *out_loss,
                                  GError **error)
{
  if (!mls_formula_check_fraction (cross_fraction, "cross_fraction", error) ||
      !mls_formula_check_number_pos (oversubscription, "oversubscription", error))
    return FALSE;

  double throughput = 1.0 / ((1.0 - cross_fraction) + cross_fraction * oversubscription);
  *out_throughput = throughput;
  *out_loss = 1.0 - throughput;
  return TRUE;
}

/**
 * mls_calc_bisection_bandwidth:
 * @ports_crossing_cut: the links that cross the bisection
 * @link_bandwidth: the bandwidth of one link
 * @oversubscription: the oversubscription ratio (1 for non-blocking), greater than zero
 * @out: (out caller-allocates): the bisection bandwidth, ports · β / r
 * @error: return location for a #GError
 *
 * Bisection bandwidth, B = ports · β / r: the capacity across the narrowest cut splitting the
 * network in halves (Dally and Towles, *Principles and Practices of Interconnection
 * Networks*, 2004, §3.3).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if an argument has the
 *   wrong units or is out of range
 */
gboolean
mls_calc_bisection_bandwidth (guint              ports_crossing_cut,
                              const MlsQuantity *link_bandwidth,
                              double             oversubscription,
                              MlsQuantity       *out,
                              GError           **error)
{
  if (!mls_formula_check_nonnegative (link_bandwidth, MLS_KIND_BANDWIDTH, "link_bandwidth",
                                      error) ||
      !mls_formula_check_number_pos (oversubscription, "oversubscription", error))
    return FALSE;

  mls_formula_set (out, ports_crossing_cut * link_bandwidth->value / oversubscription,
                   MLS_KIND_BANDWIDTH);
  return TRUE;
}

/**
 * mls_calc_hop_latency:
 * @hops: the switch hops on the path
 * @per_hop_latency: the latency of one hop
 * @out: (out caller-allocates): the path latency, hops · latency
 * @error: return location for a #GError
 *
 * Zero-load path latency from hops, T = h · t_hop (Dally and Towles, 2004, §3.3).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @per_hop_latency is not
 *   a time of zero or more
 */
gboolean
mls_calc_hop_latency (guint              hops,
                      const MlsQuantity *per_hop_latency,
                      MlsQuantity       *out,
                      GError           **error)
{
  if (!mls_formula_check_nonnegative (per_hop_latency, MLS_KIND_TIME, "per_hop_latency", error))
    return FALSE;

  mls_formula_set (out, hops * per_hop_latency->value, MLS_KIND_TIME);
  return TRUE;
}
