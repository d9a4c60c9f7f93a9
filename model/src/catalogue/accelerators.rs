//! Accelerator systems: per-accelerator specifications, the server or rack they
//! ship in, and street prices. Dense throughput (sparse datasheet figures halved).

use crate::source::{self, SourceId};

/// How accelerators are packaged into systems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SystemForm {
    /// An 8-accelerator server (HGX/DGX, OAM/UBB platform), air or liquid cooled.
    Server,
    /// A 72-accelerator liquid-cooled rack (NVL72) with its own CPUs and switches.
    Rack,
}

/// One accelerator model and the system it ships in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accelerator {
    /// Stable id used in URLs and storage (`h100`, `gb200` …).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Vendor.
    pub vendor: &'static str,
    /// Thermal design power of one accelerator, W.
    pub tdp_w: f64,
    /// Dense BF16 throughput of one accelerator, TFLOP/s.
    pub bf16_tflops: f64,
    /// Dense FP8 throughput of one accelerator, TFLOP/s.
    pub fp8_tflops: f64,
    /// High-bandwidth memory per accelerator, GB.
    pub memory_gb: f64,
    /// Accelerators per system (server or rack).
    pub per_system: u32,
    /// Packaging.
    pub form: SystemForm,
    /// Maximum (nameplate) power of one whole system, kW.
    pub system_kw: f64,
    /// Price of a system divided by its accelerators, US$ (accelerator plus its share of the host).
    pub price_usd: f64,
    /// Low and high ends of that price, US$.
    pub price_range_usd: (f64, f64),
    /// Embodied carbon per accelerator including its server share, kgCO2e.
    pub embodied_kg: f64,
    /// Where the specifications come from (by id: [`source::by_id`] gives the source).
    pub spec_source: SourceId,
    /// Where the system power comes from.
    pub power_source: SourceId,
    /// Where the price comes from.
    pub price_source: SourceId,
    /// Default model FLOPs utilisation of a large dense BF16 training run on this
    /// family, 0–1 (used when the scenario's MFU is left at its default).
    pub default_mfu: f64,
    /// Where that MFU comes from.
    pub mfu_source: SourceId,
}

impl Accelerator {
    /// `true` for platforms sold only with direct-to-chip liquid cooling: the
    /// GB200/GB300 NVL72 racks ([`source::NVIDIA_BLACKWELL`]: liquid-cooled rack)
    /// and the MI355X platform ([`source::AMD_MI355X`]: the liquid-cooled
    /// variant; MI350X is the air-cooled one).
    pub fn liquid_only(&self) -> bool {
        matches!(self.id, "gb200" | "gb300" | "mi355x")
    }

    /// Scale-out network rate per accelerator, Gb/s: one 800 Gb/s ConnectX-8 port
    /// per Blackwell Ultra (B300, GB300), 400 Gb/s (ConnectX-7 or equivalent) for
    /// the others ([`source::NVIDIA_BLACKWELL`]; AMD and Intel an estimate).
    pub fn scale_out_gbps(&self) -> f64 {
        match self.id {
            "b300" | "gb300" => 800.0,
            _ => 400.0,
        }
    }

    /// Non-accelerator share of the system nameplate per accelerator (CPUs,
    /// memory, NICs, fans, power-supply headroom), W.
    pub fn host_w(&self) -> f64 {
        (self.system_kw * 1000.0 / f64::from(self.per_system) - self.tdp_w).max(0.0)
    }

    /// Peak dense throughput at the given precision, TFLOP/s.
    pub fn tflops(&self, precision: crate::scenario::Precision) -> f64 {
        match precision {
            crate::scenario::Precision::Bf16 => self.bf16_tflops,
            crate::scenario::Precision::Fp8 => self.fp8_tflops,
        }
    }
}

/// Host server share of a system price per accelerator, US$:
/// (DGX H100 ≈ US$270k − 8 × US$27.5k) ÷ 8 (see [`source::SERVER_SHARE_ESTIMATE`]).
pub const HOST_SHARE_USD: f64 = 6_250.0;

/// Embodied carbon per accelerator with its server share: Hopper ≈ 800 kg,
/// Blackwell-class ≈ 1,000 kg (reference dataset estimate, [`source::NVIDIA_PCF`]).
const EMBODIED_HOPPER_KG: f64 = 800.0;
const EMBODIED_BLACKWELL_KG: f64 = 1_000.0;

/// Default BF16 MFU of NVIDIA Hopper (H100/H200): Llama 3's 38–43 % on up to
/// 16,384 H100 ([`source::LLAMA3`]).
pub const MFU_HOPPER: f64 = 0.40;
/// Default BF16 MFU of NVIDIA Blackwell (B200/B300/GB200/GB300): the reference
/// dataset's early-Blackwell 30–40 % of BF16 peak, centred ([`source::MFU_BLACKWELL`], estimate).
pub const MFU_BLACKWELL: f64 = 0.35;
/// Default BF16 MFU of AMD Instinct: Hopper's 0.40 × the share of peak FLOP/s MI300X
/// sustains on real workloads (≈ 45 %) over NVIDIA's (up to 93 %), ≈ 0.19, rounded
/// ([`source::MFU_AMD`], estimate).
pub const MFU_AMD: f64 = 0.20;
/// Default BF16 MFU of Intel Gaudi 3: no published large-scale figure; the reference
/// dataset's 20–35 % band for less mature stacks, near its top ([`source::MFU_BLACKWELL`], estimate).
pub const MFU_GAUDI: f64 = 0.30;

/// The accelerator catalogue.
pub const ACCELERATORS: &[Accelerator] = &[
    Accelerator {
        id: "h100",
        name: "NVIDIA H100 SXM (HGX/DGX)",
        vendor: "NVIDIA",
        tdp_w: 700.0,
        bf16_tflops: 989.0,
        fp8_tflops: 1_979.0,
        memory_gb: 80.0,
        per_system: 8,
        form: SystemForm::Server,
        system_kw: 10.2,
        price_usd: 27_500.0 + HOST_SHARE_USD,
        price_range_usd: (25_000.0 + HOST_SHARE_USD, 30_000.0 + HOST_SHARE_USD),
        embodied_kg: EMBODIED_HOPPER_KG,
        spec_source: source::NVIDIA_HOPPER.cite(),
        power_source: source::NVIDIA_DGX_H100.cite(),
        price_source: source::PRICE_H100.cite(),
        default_mfu: MFU_HOPPER,
        mfu_source: source::LLAMA3.cite(),
    },
    Accelerator {
        id: "h200",
        name: "NVIDIA H200 SXM (HGX/DGX)",
        vendor: "NVIDIA",
        tdp_w: 700.0,
        bf16_tflops: 989.0,
        fp8_tflops: 1_979.0,
        memory_gb: 141.0,
        per_system: 8,
        form: SystemForm::Server,
        system_kw: 10.2,
        price_usd: 32_000.0 + HOST_SHARE_USD,
        price_range_usd: (30_000.0 + HOST_SHARE_USD, 35_000.0 + HOST_SHARE_USD),
        embodied_kg: EMBODIED_HOPPER_KG,
        spec_source: source::NVIDIA_HOPPER.cite(),
        power_source: source::NVIDIA_DGX_H100.cite(),
        price_source: source::PRICE_WEAK.cite(),
        default_mfu: MFU_HOPPER,
        mfu_source: source::LLAMA3.cite(),
    },
    Accelerator {
        id: "b200",
        name: "NVIDIA B200 (HGX/DGX)",
        vendor: "NVIDIA",
        tdp_w: 1_000.0,
        bf16_tflops: 2_250.0,
        fp8_tflops: 4_500.0,
        memory_gb: 180.0,
        per_system: 8,
        form: SystemForm::Server,
        system_kw: 14.3,
        price_usd: 35_000.0 + HOST_SHARE_USD,
        price_range_usd: (30_000.0 + HOST_SHARE_USD, 40_000.0 + HOST_SHARE_USD),
        embodied_kg: EMBODIED_BLACKWELL_KG,
        spec_source: source::NVIDIA_BLACKWELL.cite(),
        power_source: source::NVIDIA_DGX_B200.cite(),
        price_source: source::PRICE_BLACKWELL.cite(),
        default_mfu: MFU_BLACKWELL,
        mfu_source: source::MFU_BLACKWELL.cite(),
    },
    Accelerator {
        id: "b300",
        name: "NVIDIA B300 (HGX/DGX Blackwell Ultra)",
        vendor: "NVIDIA",
        tdp_w: 1_100.0,
        bf16_tflops: 2_250.0,
        fp8_tflops: 4_500.0,
        memory_gb: 270.0,
        per_system: 8,
        form: SystemForm::Server,
        system_kw: 14.5,
        price_usd: 45_000.0 + HOST_SHARE_USD,
        price_range_usd: (40_000.0 + HOST_SHARE_USD, 52_000.0 + HOST_SHARE_USD),
        embodied_kg: EMBODIED_BLACKWELL_KG,
        spec_source: source::VERDA_GB300.cite(),
        power_source: source::NVIDIA_DGX_B300.cite(),
        price_source: source::PRICE_WEAK.cite(),
        default_mfu: MFU_BLACKWELL,
        mfu_source: source::MFU_BLACKWELL.cite(),
    },
    Accelerator {
        id: "gb200",
        name: "NVIDIA GB200 NVL72 (rack)",
        vendor: "NVIDIA",
        tdp_w: 1_200.0,
        bf16_tflops: 2_500.0,
        fp8_tflops: 5_000.0,
        memory_gb: 186.0,
        per_system: 72,
        form: SystemForm::Rack,
        system_kw: 132.0,
        // US$3.1 M per rack (SemiAnalysis), range US$3.0–4.0 M.
        price_usd: 3_100_000.0 / 72.0,
        price_range_usd: (3_000_000.0 / 72.0, 4_000_000.0 / 72.0),
        embodied_kg: EMBODIED_BLACKWELL_KG,
        spec_source: source::NVIDIA_BLACKWELL.cite(),
        power_source: source::NVL72_POWER.cite(),
        price_source: source::PRICE_BLACKWELL.cite(),
        default_mfu: MFU_BLACKWELL,
        mfu_source: source::MFU_BLACKWELL.cite(),
    },
    Accelerator {
        id: "gb300",
        name: "NVIDIA GB300 NVL72 (rack)",
        vendor: "NVIDIA",
        tdp_w: 1_400.0,
        bf16_tflops: 2_500.0,
        fp8_tflops: 5_000.0,
        memory_gb: 279.0,
        per_system: 72,
        form: SystemForm::Rack,
        system_kw: 140.0,
        // US$3.5–4.0 M per rack (estimate: GB200 + 15–25 %).
        price_usd: 3_750_000.0 / 72.0,
        price_range_usd: (3_500_000.0 / 72.0, 4_000_000.0 / 72.0),
        embodied_kg: EMBODIED_BLACKWELL_KG,
        spec_source: source::VERDA_GB300.cite(),
        power_source: source::NVL72_POWER.cite(),
        price_source: source::PRICE_WEAK.cite(),
        default_mfu: MFU_BLACKWELL,
        mfu_source: source::MFU_BLACKWELL.cite(),
    },
    Accelerator {
        id: "mi300x",
        name: "AMD Instinct MI300X (8-GPU platform)",
        vendor: "AMD",
        tdp_w: 750.0,
        bf16_tflops: 1_307.0,
        fp8_tflops: 2_615.0,
        memory_gb: 192.0,
        per_system: 8,
        form: SystemForm::Server,
        system_kw: 10.0,
        price_usd: 12_500.0 + HOST_SHARE_USD,
        price_range_usd: (10_000.0 + HOST_SHARE_USD, 15_000.0 + HOST_SHARE_USD),
        embodied_kg: EMBODIED_HOPPER_KG,
        spec_source: source::AMD_MI300.cite(),
        power_source: source::SERVER_POWER_ESTIMATE.cite(),
        price_source: source::PRICE_WEAK.cite(),
        default_mfu: MFU_AMD,
        mfu_source: source::MFU_AMD.cite(),
    },
    Accelerator {
        id: "mi325x",
        name: "AMD Instinct MI325X (8-GPU platform)",
        vendor: "AMD",
        tdp_w: 1_000.0,
        bf16_tflops: 1_307.0,
        fp8_tflops: 2_615.0,
        memory_gb: 256.0,
        per_system: 8,
        form: SystemForm::Server,
        system_kw: 12.5,
        price_usd: 17_500.0 + HOST_SHARE_USD,
        price_range_usd: (15_000.0 + HOST_SHARE_USD, 20_000.0 + HOST_SHARE_USD),
        embodied_kg: EMBODIED_HOPPER_KG,
        spec_source: source::AMD_MI300.cite(),
        power_source: source::SERVER_POWER_ESTIMATE.cite(),
        price_source: source::PRICE_WEAK.cite(),
        default_mfu: MFU_AMD,
        mfu_source: source::MFU_AMD.cite(),
    },
    Accelerator {
        id: "mi350x",
        name: "AMD Instinct MI350X (8-GPU platform, air)",
        vendor: "AMD",
        tdp_w: 1_000.0,
        bf16_tflops: 2_300.0,
        fp8_tflops: 4_600.0,
        memory_gb: 288.0,
        per_system: 8,
        form: SystemForm::Server,
        system_kw: 13.3,
        price_usd: 22_500.0 + HOST_SHARE_USD,
        price_range_usd: (18_000.0 + HOST_SHARE_USD, 27_000.0 + HOST_SHARE_USD),
        embodied_kg: EMBODIED_BLACKWELL_KG,
        spec_source: source::AMD_MI355X.cite(),
        power_source: source::SERVER_POWER_ESTIMATE.cite(),
        price_source: source::PRICE_WEAK.cite(),
        default_mfu: MFU_AMD,
        mfu_source: source::MFU_AMD.cite(),
    },
    Accelerator {
        id: "mi355x",
        name: "AMD Instinct MI355X (8-GPU platform, liquid)",
        vendor: "AMD",
        tdp_w: 1_400.0,
        bf16_tflops: 2_500.0,
        fp8_tflops: 5_000.0,
        memory_gb: 288.0,
        per_system: 8,
        form: SystemForm::Server,
        system_kw: 17.5,
        price_usd: 25_000.0 + HOST_SHARE_USD,
        price_range_usd: (20_000.0 + HOST_SHARE_USD, 30_000.0 + HOST_SHARE_USD),
        embodied_kg: EMBODIED_BLACKWELL_KG,
        spec_source: source::AMD_MI355X.cite(),
        power_source: source::SERVER_POWER_ESTIMATE.cite(),
        price_source: source::PRICE_WEAK.cite(),
        default_mfu: MFU_AMD,
        mfu_source: source::MFU_AMD.cite(),
    },
    Accelerator {
        id: "gaudi3",
        name: "Intel Gaudi 3 (8-accelerator server)",
        vendor: "Intel",
        tdp_w: 900.0,
        bf16_tflops: 1_835.0,
        fp8_tflops: 1_835.0,
        memory_gb: 128.0,
        per_system: 8,
        form: SystemForm::Server,
        system_kw: 10.5,
        // US$125,000 per 8-chip kit.
        price_usd: 125_000.0 / 8.0 + HOST_SHARE_USD,
        price_range_usd: (125_000.0 / 8.0 * 0.9 + HOST_SHARE_USD, 125_000.0 / 8.0 * 1.2 + HOST_SHARE_USD),
        embodied_kg: EMBODIED_HOPPER_KG,
        spec_source: source::INTEL_GAUDI3.cite(),
        power_source: source::SERVER_POWER_ESTIMATE.cite(),
        price_source: source::INTEL_GAUDI3.cite(),
        default_mfu: MFU_GAUDI,
        mfu_source: source::MFU_BLACKWELL.cite(),
    },
];
