//! [`TcpInfo`]: the kernel's `struct tcp_info` (`TCP_INFO`).

use sock_core::Pod;

/// `struct tcp_info` of `linux/tcp.h`, field for field without the `tcpi_` prefix, up to
/// `total_rto_time` (Linux 6.7). Older kernels fill less of it; the rest stays zero. Each
/// field says its unit (times are microseconds unless it says milliseconds). Read it with
/// [`InetSocketExt::tcp_info`](crate::InetSocketExt::tcp_info).
///
/// ```
/// use sock::inet::{create_connection, create_server, ConnectOptions, InetSocketExt, ServerOptions};
/// let server = create_server(("127.0.0.1", 0), &ServerOptions::new())?;
/// let port = server.local_addr()?.as_socket().unwrap().port();
/// let client = create_connection(("127.0.0.1", port), &ConnectOptions::new())?;
/// let info = client.tcp_info()?;
/// assert_eq!(info.state, 1); // TCP_ESTABLISHED
/// assert!(info.snd_mss > 0 && info.snd_cwnd > 0);
/// # Ok::<(), std::io::Error>(())
/// ```
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TcpInfo {
    /// `tcpi_state`: the connection's state, `TCP_ESTABLISHED` (1) ... `TCP_CLOSING` (11) of
    /// `linux/tcp.h`.
    pub state: u8,
    /// `tcpi_ca_state`: the congestion avoidance state: 0 Open, 1 Disorder, 2 CWR, 3 Recovery, 4
    /// Loss.
    pub ca_state: u8,
    /// `tcpi_retransmits`: retransmissions of the current unacknowledged segment (a count, reset
    /// when it is acknowledged).
    pub retransmits: u8,
    /// `tcpi_probes`: unanswered zero-window or keepalive probes sent (a count).
    pub probes: u8,
    /// `tcpi_backoff`: the exponential backoff of the retransmission timer (how many times it
    /// doubled).
    pub backoff: u8,
    /// `tcpi_options`: the options negotiated, `TCPI_OPT_*` bits (1 timestamps, 2 SACK, 4 window
    /// scale, 8 ECN, 16 ECN seen, 32 SYN data).
    pub options: u8,
    /// `snd_wscale:4, rcv_wscale:4`; see [`TcpInfo::snd_wscale`].
    pub wscale: u8,
    /// `delivery_rate_app_limited:1, fastopen_client_fail:2`.
    pub app_limited_fastopen: u8,
    /// `tcpi_rto`: the retransmission timeout, in microseconds.
    pub rto: u32,
    /// `tcpi_ato`: the delayed-ACK timeout, in microseconds.
    pub ato: u32,
    /// `tcpi_snd_mss`: the sending maximum segment size, in bytes.
    pub snd_mss: u32,
    /// `tcpi_rcv_mss`: the receiving maximum segment size the kernel estimates, in bytes.
    pub rcv_mss: u32,
    /// `tcpi_unacked`: segments sent and not yet acknowledged (for a listening socket: the accept
    /// queue length).
    pub unacked: u32,
    /// `tcpi_sacked`: segments selectively acknowledged (for a listening socket: the accept queue's
    /// limit, the backlog).
    pub sacked: u32,
    /// `tcpi_lost`: segments considered lost, in segments.
    pub lost: u32,
    /// `tcpi_retrans`: segments retransmitted and not yet acknowledged, in segments.
    pub retrans: u32,
    /// `tcpi_fackets`: forward-acknowledged segments (unused since Linux 4.15, always 0).
    pub fackets: u32,
    /// `tcpi_last_data_sent`: time since the last data was sent, in milliseconds.
    pub last_data_sent: u32,
    /// `tcpi_last_ack_sent`: time since the last ACK was sent, in milliseconds (not filled in by
    /// Linux: 0).
    pub last_ack_sent: u32,
    /// `tcpi_last_data_recv`: time since the last data was received, in milliseconds.
    pub last_data_recv: u32,
    /// `tcpi_last_ack_recv`: time since the last ACK was received, in milliseconds.
    pub last_ack_recv: u32,
    /// `tcpi_pmtu`: the path MTU, in bytes.
    pub pmtu: u32,
    /// `tcpi_rcv_ssthresh`: the receive window's slow-start threshold (the most it may advertise
    /// now), in bytes.
    pub rcv_ssthresh: u32,
    /// `tcpi_rtt`: the smoothed round-trip time, in microseconds.
    pub rtt: u32,
    /// `tcpi_rttvar`: the round-trip time's mean deviation, in microseconds.
    pub rttvar: u32,
    /// `tcpi_snd_ssthresh`: the slow-start threshold, in segments (a huge value while still in slow
    /// start).
    pub snd_ssthresh: u32,
    /// `tcpi_snd_cwnd`: the congestion window, in segments.
    pub snd_cwnd: u32,
    /// `tcpi_advmss`: the maximum segment size advertised to the peer, in bytes.
    pub advmss: u32,
    /// `tcpi_reordering`: how far segments may be reordered before they count as lost, in segments.
    pub reordering: u32,
    /// `tcpi_rcv_rtt`: the round-trip time the receiver estimates, in microseconds.
    pub rcv_rtt: u32,
    /// `tcpi_rcv_space`: the receive buffer space the auto-tuning aims for, in bytes.
    pub rcv_space: u32,
    /// `tcpi_total_retrans`: all retransmissions of the connection, in segments.
    pub total_retrans: u32,
    /// `tcpi_pacing_rate`: the current pacing rate, in bytes per second.
    pub pacing_rate: u64,
    /// `tcpi_max_pacing_rate`: the pacing rate cap (`SO_MAX_PACING_RATE`), in bytes per second
    /// (`u64::MAX`: none).
    pub max_pacing_rate: u64,
    /// `tcpi_bytes_acked`: bytes acknowledged by the peer (RFC 4898
    /// `tcpEStatsAppHCThruOctetsAcked`).
    pub bytes_acked: u64,
    /// `tcpi_bytes_received`: bytes received in order (RFC 4898
    /// `tcpEStatsAppHCThruOctetsReceived`).
    pub bytes_received: u64,
    /// `tcpi_segs_out`: segments sent, retransmissions and pure ACKs included (RFC 4898
    /// `tcpEStatsPerfSegsOut`).
    pub segs_out: u32,
    /// `tcpi_segs_in`: segments received (RFC 4898 `tcpEStatsPerfSegsIn`).
    pub segs_in: u32,
    /// `tcpi_notsent_bytes`: bytes in the send queue not yet sent, in bytes.
    pub notsent_bytes: u32,
    /// `tcpi_min_rtt`: the smallest round-trip time seen (windowed), in microseconds.
    pub min_rtt: u32,
    /// `tcpi_data_segs_in`: segments received that carried data (RFC 4898 `tcpEStatsDataSegsIn`).
    pub data_segs_in: u32,
    /// `tcpi_data_segs_out`: segments sent that carried data (RFC 4898 `tcpEStatsDataSegsOut`).
    pub data_segs_out: u32,
    /// `tcpi_delivery_rate`: the most recent delivery rate sample, in bytes per second.
    pub delivery_rate: u64,
    /// `tcpi_busy_time`: time spent with data in flight (busy sending), in microseconds.
    pub busy_time: u64,
    /// `tcpi_rwnd_limited`: time sending was limited by the peer's receive window, in microseconds.
    pub rwnd_limited: u64,
    /// `tcpi_sndbuf_limited`: time sending was limited by the send buffer, in microseconds.
    pub sndbuf_limited: u64,
    /// `tcpi_delivered`: segments delivered to the peer, retransmissions included, in segments.
    pub delivered: u32,
    /// `tcpi_delivered_ce`: of `delivered`, the segments the peer echoed with ECN congestion marks.
    pub delivered_ce: u32,
    /// `tcpi_bytes_sent`: bytes sent, retransmissions included (RFC 4898
    /// `tcpEStatsPerfHCDataOctetsOut`).
    pub bytes_sent: u64,
    /// `tcpi_bytes_retrans`: bytes retransmitted (RFC 4898 `tcpEStatsPerfOctetsRetrans`).
    pub bytes_retrans: u64,
    /// `tcpi_dsack_dups`: duplicate segments the peer reported with D-SACK (RFC 4898
    /// `tcpEStatsStackDSACKDups`).
    pub dsack_dups: u32,
    /// `tcpi_reord_seen`: reordering events seen (a count).
    pub reord_seen: u32,
    /// `tcpi_rcv_ooopack`: out-of-order packets received, in packets.
    pub rcv_ooopack: u32,
    /// `tcpi_snd_wnd`: the peer's advertised receive window after scaling, in bytes.
    pub snd_wnd: u32,
    /// `tcpi_rcv_wnd`: the receive window this side advertises after scaling, in bytes (Linux 6.2).
    pub rcv_wnd: u32,
    /// `tcpi_rehash`: PLB or timeout-triggered rehashes of the flow label / path (a count, Linux
    /// 6.2).
    pub rehash: u32,
    /// `tcpi_total_rto`: retransmission timeouts of the connection (a count, Linux 6.7).
    pub total_rto: u16,
    /// `tcpi_total_rto_recoveries`: recoveries entered because of a retransmission timeout (a
    /// count, Linux 6.7).
    pub total_rto_recoveries: u16,
    /// `tcpi_total_rto_time`: time spent in timeout recoveries, in milliseconds (Linux 6.7).
    pub total_rto_time: u32,
}

// The layout has no padding: 8 single bytes, then 4-byte and 8-byte fields at multiples of
// their size (checked by the size assertion against the sum of the fields below).
const _: () = assert!(std::mem::size_of::<TcpInfo>() == 248);

// SAFETY: `TcpInfo` is `repr(C)` made only of integers laid out without padding (its size,
// 248, equals the sum of its fields' sizes), and every bit pattern is a valid value.
unsafe impl Pod for TcpInfo {}

impl TcpInfo {
    /// The send window scale (`tcpi_snd_wscale`, the low 4 bits on little-endian Linux): the
    /// peer's window is shifted left by this many bits.
    ///
    /// ```
    /// let info = sock::inet::TcpInfo { wscale: 0x72, ..Default::default() };
    /// assert_eq!((info.snd_wscale(), info.rcv_wscale()), (2, 7));
    /// ```
    pub fn snd_wscale(&self) -> u8 {
        self.wscale & 0x0f
    }

    /// The receive window scale (`tcpi_rcv_wscale`): this side's advertised window is
    /// shifted left by this many bits.
    ///
    /// ```
    /// let info = sock::inet::TcpInfo { wscale: 0x70, ..Default::default() };
    /// assert_eq!(info.rcv_wscale(), 7);
    /// ```
    pub fn rcv_wscale(&self) -> u8 {
        self.wscale >> 4
    }
}
