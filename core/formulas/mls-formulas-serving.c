/* mls-formulas-serving.c — queueing and speculative decoding
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include <math.h>

#include "mls-formulas-private.h"
#include "mls-formulas-serving.h"

/* The probability that an arrival waits in an M/M/c queue with offered load a = λ/μ and
 * utilisation ρ = a/c (Erlang's C formula):
 *
 *   P_wait = T / (Σ_{i<c} aⁱ/i! + T),  T = a^c / (c!·(1 − ρ)).
 *
 * Evaluated in log space with a running log-sum-exp, so that c in the hundreds neither
 * overflows a^c nor c!. A non-finite result falls back to ρ; the result is clamped to [0, 1]. */
static double
erlang_c (guint  c,
          double a,
          double rho)
{
  if (a <= 0.0)
    return 0.0;

  double log_a = log (a);
  double log_term = 0.0;   /* log(aⁱ/i!) at i = 0 */
  double log_max = 0.0;    /* running maximum of the terms */
  double scaled_sum = 1.0; /* Σ exp(term − log_max) */

  for (guint i = 1; i < c; i++)
    {
      log_term += log_a - log ((double) i);
      if (log_term > log_max)
        {
          scaled_sum = scaled_sum * exp (log_max - log_term) + 1.0;
          log_max = log_term;
        }
      else
        scaled_sum += exp (log_term - log_max);
    }

  double log_sum = log_max + log (scaled_sum);
  double log_top = c * log_a - lgamma (c + 1.0) - log1p (-rho);
  double p = 1.0 / (1.0 + exp (log_sum - log_top));

  if (!isfinite (p))
    p = rho;
  return CLAMP (p, 0.0, 1.0);
}

/**
 * mls_calc_queue_latency_mmc:
 * @arrival_rate: the arrival rate λ, such as “80 /s”
 * @service_rate: the service rate of one server μ
 * @n_servers: the servers (replicas) c
 * @out_utilization: (out): the utilisation ρ = λ/(cμ), or 1 when the queue is unstable
 * @out_p50_wait: (out caller-allocates): the median time spent waiting before service
 * @out_p99_wait: (out caller-allocates): the 99th-percentile waiting time
 * @error: return location for a #GError
 *
 * Waiting-time percentiles of an M/M/c queue. With P_wait from Erlang's C formula (A. K.
 * Erlang, 1917; L. Kleinrock, *Queueing Systems*, vol. 1, 1975, §3.5) the wait exceeds t with
 * probability P_wait·e^(−(cμ − λ)t), so the q-quantile is ln(P_wait/(1 − q)) / (cμ − λ), or 0
 * when P_wait ≤ 1 − q. An unstable queue (λ ≥ cμ, or μ = 0) gives ρ = 1 and infinite waits,
 * as in the reference; that is a result, not an error.
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if a rate is not a rate
 *   (events per second) of zero or more
 */
gboolean
mls_calc_queue_latency_mmc (const MlsQuantity *arrival_rate,
                            const MlsQuantity *service_rate,
                            guint              n_servers,
                            double            *out_utilization,
                            MlsQuantity       *out_p50_wait,
                            MlsQuantity       *out_p99_wait,
                            GError           **error)
{
  if (!mls_formula_check_nonnegative (arrival_rate, MLS_KIND_FREQUENCY, "arrival_rate", error) ||
      !mls_formula_check_nonnegative (service_rate, MLS_KIND_FREQUENCY, "service_rate", error))
    return FALSE;

  double lambda = arrival_rate->value, mu = service_rate->value;
  double capacity = n_servers * mu;

  if (mu == 0.0 || lambda >= capacity)
    {
      *out_utilization = 1.0;
      mls_formula_set (out_p50_wait, INFINITY, MLS_KIND_TIME);
      mls_formula_set (out_p99_wait, INFINITY, MLS_KIND_TIME);
      return TRUE;
    }

  double rho = lambda / capacity;
  double p_wait = erlang_c (n_servers, lambda / mu, rho);
  double drain = capacity * (1.0 - rho); /* cμ − λ, the rate the tail decays at */

  /* 0.5 and 0.01: the tail probabilities of the median and the 99th percentile */
  *out_utilization = rho;
  mls_formula_set (out_p50_wait, p_wait < 0.5 ? 0.0 : log (p_wait / 0.5) / drain, MLS_KIND_TIME);
  mls_formula_set (out_p99_wait, p_wait < 0.01 ? 0.0 : log (p_wait / 0.01) / drain,
                   MLS_KIND_TIME);
  return TRUE;
}

/**
 * mls_calc_queue_latency_md1:
 * @arrival_rate: the arrival rate λ
 * @service_rate: the service rate μ of the single server (deterministic service times)
 * @out_utilization: (out): the utilisation ρ = λ/μ (not capped)
 * @out_mean_wait: (out caller-allocates): the mean wait in queue, ρ / (2μ(1 − ρ)), infinite
 *   when ρ ≥ 1
 * @out_queue_length: (out): the mean queue length, ρ² / (2(1 − ρ)), infinite when ρ ≥ 1
 * @error: return location for a #GError
 *
 * The M/D/1 queue from the Pollaczek–Khinchine formula with zero service-time variance
 * (Kleinrock, *Queueing Systems*, vol. 1, 1975, §5.7): W_q = ρ / (2μ(1 − ρ)) and
 * L_q = λ·W_q = ρ² / (2(1 − ρ)).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if a rate is not a rate
 *   (events per second) of zero or more
 */
gboolean
mls_calc_queue_latency_md1 (const MlsQuantity *arrival_rate,
                            const MlsQuantity *service_rate,
                            double            *out_utilization,
                            MlsQuantity       *out_mean_wait,
                            double            *out_queue_length,
                            GError           **error)
{
  if (!mls_formula_check_nonnegative (arrival_rate, MLS_KIND_FREQUENCY, "arrival_rate", error) ||
      !mls_formula_check_nonnegative (service_rate, MLS_KIND_FREQUENCY, "service_rate", error))
    return FALSE;

  double lambda = arrival_rate->value, mu = service_rate->value;
  double rho = mu > 0.0 ? lambda / mu : INFINITY;

  *out_utilization = rho;
  if (rho >= 1.0)
    {
      mls_formula_set (out_mean_wait, INFINITY, MLS_KIND_TIME);
      *out_queue_length = INFINITY;
      return TRUE;
    }
  mls_formula_set (out_mean_wait, rho / (2.0 * mu * (1.0 - rho)), MLS_KIND_TIME);
  *out_queue_length = rho * rho / (2.0 * (1.0 - rho));
  return TRUE;
}

/**
 * mls_calc_kingman_factor:
 * @service_time_cv: the coefficient of variation of service times c_s, zero or more
 * @out_factor: (out): the factor (1 + c_s²)/2 that scales an M/M/c wait to an M/G/c one
 * @error: return location for a #GError
 *
 * Kingman's approximation: a queue's wait scales with (c_a² + c_s²)/2, which is 1 for the
 * exponential service of M/M/c; with Poisson arrivals (c_a = 1) the factor is (1 + c_s²)/2
 * (J. F. C. Kingman, "The single server queue in heavy traffic", Proc. Cambridge Phil. Soc.
 * 57, 1961).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @service_time_cv is
 *   negative
 */
gboolean
mls_calc_kingman_factor (double   service_time_cv,
                         double  *out_factor,
                         GError **error)
{
  if (!mls_formula_check_number_nonneg (service_time_cv, "service_time_cv", error))
    return FALSE;

  *out_factor = (service_time_cv * service_time_cv + 1.0) / 2.0;
  return TRUE;
}

/**
 * mls_calc_speculative_expected_tokens:
 * @acceptance_rate: the probability α that the target model accepts a drafted token, in
 *   [0, 1]
 * @draft_tokens: the tokens drafted per step γ, such as the registry's 4
 * @out_tokens: (out): the expected tokens produced per verification step
 * @error: return location for a #GError
 *
 * Speculative decoding yields E = (1 − α^(γ+1)) / (1 − α) = 1 + α(1 − α^γ)/(1 − α) tokens per
 * target-model pass, and 1 + γ when every draft is accepted (Leviathan, Kalman and Matias,
 * "Fast inference from transformers via speculative decoding", ICML 2023, eq. 1).
 *
 * Returns: (skip): %TRUE on success; %FALSE with %MLS_FORMULA_ERROR if @acceptance_rate is not
 *   in [0, 1]
 */
gboolean
mls_calc_speculative_expected_tokens (double   acceptance_rate,
                                      guint    draft_tokens,
                                      double  *out_tokens,
                                      GError **error)
{
  if (!mls_formula_check_fraction (acceptance_rate, "acceptance_rate", error))
    return FALSE;

  double a = acceptance_rate;
  *out_tokens = a < 1.0 ? 1.0 + a * (1.0 - pow (a, draft_tokens)) / (1.0 - a)
                        : 1.0 + draft_tokens;
  return TRUE;
}
