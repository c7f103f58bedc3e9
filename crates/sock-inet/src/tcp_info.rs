//! [`TcpInfo`]: the kernel's `struct tcp_info` (`TCP_INFO`).

use sock_core::Pod;

/// `struct tcp_info` of `linux/tcp.h`, field for field without the `tcpi_` prefix, up to
/// `total_rto_time` (Linux 6.7). Older kernels fill less of it; the rest stays zero. Times are
/// in microseconds unless the kernel documents otherwise. Read it with
/// [`InetSocketExt::tcp_info`](crate::InetSocketExt::tcp_info).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)] // the fields are the kernel's, named as in linux/tcp.h
pub struct TcpInfo {
    pub state: u8,
    pub ca_state: u8,
    pub retransmits: u8,
    pub probes: u8,
    pub backoff: u8,
    pub options: u8,
    /// `snd_wscale:4, rcv_wscale:4`; see [`TcpInfo::snd_wscale`].
    pub wscale: u8,
    /// `delivery_rate_app_limited:1, fastopen_client_fail:2`.
    pub app_limited_fastopen: u8,
    pub rto: u32,
    pub ato: u32,
    pub snd_mss: u32,
    pub rcv_mss: u32,
    pub unacked: u32,
    pub sacked: u32,
    pub lost: u32,
    pub retrans: u32,
    pub fackets: u32,
    pub last_data_sent: u32,
    pub last_ack_sent: u32,
    pub last_data_recv: u32,
    pub last_ack_recv: u32,
    pub pmtu: u32,
    pub rcv_ssthresh: u32,
    pub rtt: u32,
    pub rttvar: u32,
    pub snd_ssthresh: u32,
    pub snd_cwnd: u32,
    pub advmss: u32,
    pub reordering: u32,
    pub rcv_rtt: u32,
    pub rcv_space: u32,
    pub total_retrans: u32,
    pub pacing_rate: u64,
    pub max_pacing_rate: u64,
    pub bytes_acked: u64,
    pub bytes_received: u64,
    pub segs_out: u32,
    pub segs_in: u32,
    pub notsent_bytes: u32,
    pub min_rtt: u32,
    pub data_segs_in: u32,
    pub data_segs_out: u32,
    pub delivery_rate: u64,
    pub busy_time: u64,
    pub rwnd_limited: u64,
    pub sndbuf_limited: u64,
    pub delivered: u32,
    pub delivered_ce: u32,
    pub bytes_sent: u64,
    pub bytes_retrans: u64,
    pub dsack_dups: u32,
    pub reord_seen: u32,
    pub rcv_ooopack: u32,
    pub snd_wnd: u32,
    pub rcv_wnd: u32,
    pub rehash: u32,
    pub total_rto: u16,
    pub total_rto_recoveries: u16,
    pub total_rto_time: u32,
}

// The layout has no padding: 8 single bytes, then 4-byte and 8-byte fields at multiples of
// their size (checked by the size assertion against the sum of the fields below).
const _: () = assert!(std::mem::size_of::<TcpInfo>() == 248);

// SAFETY: `TcpInfo` is `repr(C)` made only of integers laid out without padding (its size,
// 248, equals the sum of its fields' sizes), and every bit pattern is a valid value.
unsafe impl Pod for TcpInfo {}

impl TcpInfo {
    /// The send window scale (`tcpi_snd_wscale`, the low 4 bits on little-endian Linux).
    pub fn snd_wscale(&self) -> u8 {
        self.wscale & 0x0f
    }

    /// The receive window scale (`tcpi_rcv_wscale`).
    pub fn rcv_wscale(&self) -> u8 {
        self.wscale >> 4
    }
}
