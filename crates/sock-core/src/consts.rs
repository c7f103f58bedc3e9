//! Constants common to all families, under their Python names with Linux values:
//! `AF_*`, `PF_*`, `SOCK_*`, `SO_*`, `SOL_*`, `SCM_*`, `MSG_*`, `SHUT_*` and `SOMAXCONN`.
//!
//! Family-specific constants (`CAN_*`, `ALG_*`, `IP_*` ...) live in their family crates; the
//! facade re-exports all of them flat as `sock::consts::NAME`.

use libc::c_int;

// Address families.
/// Unspecified family: lets `getaddrinfo` pick; `connect` to it dissolves a datagram association.
pub const AF_UNSPEC: c_int = libc::AF_UNSPEC;
/// Local (Unix domain) sockets: paths, abstract names, fd passing (`sock-unix`).
pub const AF_UNIX: c_int = libc::AF_UNIX;
/// IPv4 (`sock-inet`).
pub const AF_INET: c_int = libc::AF_INET;
/// Amateur radio AX.25.
pub const AF_AX25: c_int = libc::AF_AX25;
/// Novell IPX (removed from Linux 4.18).
pub const AF_IPX: c_int = libc::AF_IPX;
/// AppleTalk DDP.
pub const AF_APPLETALK: c_int = libc::AF_APPLETALK;
/// Amateur radio NET/ROM.
pub const AF_NETROM: c_int = libc::AF_NETROM;
/// Multiprotocol bridge (used by rtnetlink messages about bridge ports).
pub const AF_BRIDGE: c_int = libc::AF_BRIDGE;
/// ATM permanent virtual circuits.
pub const AF_ATMPVC: c_int = libc::AF_ATMPVC;
/// ITU-T X.25 / ISO-8208.
pub const AF_X25: c_int = libc::AF_X25;
/// IPv6 (`sock-inet`).
pub const AF_INET6: c_int = libc::AF_INET6;
/// Amateur radio X.25 PLP (ROSE).
pub const AF_ROSE: c_int = libc::AF_ROSE;
/// DECnet (removed from Linux 6.1).
#[allow(non_upper_case_globals)]
pub const AF_DECnet: c_int = libc::AF_DECnet;
/// NetBEUI (reserved; no Linux implementation).
pub const AF_NETBEUI: c_int = libc::AF_NETBEUI;
/// Security callback pseudo-family (reserved).
pub const AF_SECURITY: c_int = libc::AF_SECURITY;
/// PF_KEY key management (IPsec, RFC 2367).
pub const AF_KEY: c_int = libc::AF_KEY;
/// Kernel/user-space messaging: routing, interfaces, audit... (`sock-netlink`).
pub const AF_NETLINK: c_int = libc::AF_NETLINK;
/// Alias of `AF_NETLINK` (4.4BSD compatibility).
pub const AF_ROUTE: c_int = libc::AF_ROUTE;
/// Raw link-layer packets (`sock-packet`).
pub const AF_PACKET: c_int = libc::AF_PACKET;
/// Ash.
pub const AF_ASH: c_int = libc::AF_ASH;
/// Acorn Econet (removed from Linux 3.5).
pub const AF_ECONET: c_int = libc::AF_ECONET;
/// ATM switched virtual circuits.
pub const AF_ATMSVC: c_int = libc::AF_ATMSVC;
/// Reliable Datagram Sockets (addressed by IP; `sock-inet`).
pub const AF_RDS: c_int = libc::AF_RDS;
/// Linux SNA project.
pub const AF_SNA: c_int = libc::AF_SNA;
/// IrDA infrared (removed from Linux 4.17).
pub const AF_IRDA: c_int = libc::AF_IRDA;
/// PPP over X (PPPoE, L2TP) sockets.
pub const AF_PPPOX: c_int = libc::AF_PPPOX;
/// Wanpipe API sockets.
pub const AF_WANPIPE: c_int = libc::AF_WANPIPE;
/// Linux LLC (IEEE 802.2).
pub const AF_LLC: c_int = libc::AF_LLC;
/// Controller Area Network: raw frames, BCM, ISO-TP, J1939 (`sock-can`).
pub const AF_CAN: c_int = libc::AF_CAN;
/// Transparent Inter-Process Communication (`sock-tipc`).
pub const AF_TIPC: c_int = libc::AF_TIPC;
/// Bluetooth: L2CAP, RFCOMM, HCI, SCO (`sock-bt`).
pub const AF_BLUETOOTH: c_int = libc::AF_BLUETOOTH;
/// The kernel crypto API: hashes, ciphers, AEAD, RNG (`sock-alg`).
pub const AF_ALG: c_int = libc::AF_ALG;
/// Virtual machine sockets between guest and host (`sock-vsock`).
pub const AF_VSOCK: c_int = libc::AF_VSOCK;
/// Qualcomm IPC router (`sock-qipcrtr`).
pub const AF_QIPCRTR: c_int = 42;

// Protocol families that CPython exports under a PF_ name.
/// Protocol family of `AF_CAN` (same value).
pub const PF_CAN: c_int = AF_CAN;
/// Protocol family of `AF_PACKET` (same value).
pub const PF_PACKET: c_int = AF_PACKET;
/// Protocol family of `AF_RDS` (same value).
pub const PF_RDS: c_int = AF_RDS;

// Socket types and creation flags.
/// Reliable, ordered, connection-based byte stream (TCP, Unix stream).
pub const SOCK_STREAM: c_int = libc::SOCK_STREAM;
/// Connectionless datagrams of a fixed maximum length (UDP, Unix datagram).
pub const SOCK_DGRAM: c_int = libc::SOCK_DGRAM;
/// Raw protocol access (raw IP, CAN_RAW, packet frames with headers).
pub const SOCK_RAW: c_int = libc::SOCK_RAW;
/// Reliably delivered messages, unordered (TIPC, RDS).
pub const SOCK_RDM: c_int = libc::SOCK_RDM;
/// Reliable, ordered, connection-based records with boundaries.
pub const SOCK_SEQPACKET: c_int = libc::SOCK_SEQPACKET;
/// Creation flag: the fd is close-on-exec (this library always sets it).
pub const SOCK_CLOEXEC: c_int = libc::SOCK_CLOEXEC;
/// Creation flag: the socket starts non-blocking (`O_NONBLOCK`).
pub const SOCK_NONBLOCK: c_int = libc::SOCK_NONBLOCK;

/// The kernel's listen backlog limit as the C headers define it.
pub const SOMAXCONN: c_int = libc::SOMAXCONN;

// Option levels.
/// Option level of the socket-layer options (`SO_*`) and ancillary data (`SCM_*`).
pub const SOL_SOCKET: c_int = libc::SOL_SOCKET;
/// Option level of the IPv4 options (`IP_*`); same as `IPPROTO_IP`.
pub const SOL_IP: c_int = libc::SOL_IP;
/// Option level of the TCP options (`TCP_*`); same as `IPPROTO_TCP`.
pub const SOL_TCP: c_int = libc::SOL_TCP;
/// Option level of the UDP options (`UDP_*`); same as `IPPROTO_UDP`.
pub const SOL_UDP: c_int = libc::SOL_UDP;

// SOL_SOCKET options.
/// Enable socket debugging (needs `CAP_NET_ADMIN`); an int flag.
pub const SO_DEBUG: c_int = libc::SO_DEBUG;
/// Allow binding an address in `TIME_WAIT` (and, for UDP, shared binds); an int flag.
pub const SO_REUSEADDR: c_int = libc::SO_REUSEADDR;
/// The socket type (`SOCK_*`); read-only.
pub const SO_TYPE: c_int = libc::SO_TYPE;
/// The pending socket error, read and cleared; read-only.
pub const SO_ERROR: c_int = libc::SO_ERROR;
/// Send only to directly connected hosts, bypassing routing; an int flag.
pub const SO_DONTROUTE: c_int = libc::SO_DONTROUTE;
/// Allow sending to broadcast addresses (UDP); an int flag.
pub const SO_BROADCAST: c_int = libc::SO_BROADCAST;
/// Send buffer size in bytes (the kernel doubles the value set).
pub const SO_SNDBUF: c_int = libc::SO_SNDBUF;
/// Receive buffer size in bytes (the kernel doubles the value set).
pub const SO_RCVBUF: c_int = libc::SO_RCVBUF;
/// `SO_SNDBUF` beyond `wmem_max` (needs `CAP_NET_ADMIN`).
pub const SO_SNDBUFFORCE: c_int = libc::SO_SNDBUFFORCE;
/// `SO_RCVBUF` beyond `rmem_max` (needs `CAP_NET_ADMIN`).
pub const SO_RCVBUFFORCE: c_int = libc::SO_RCVBUFFORCE;
/// Send keep-alive probes on an idle connection; an int flag.
pub const SO_KEEPALIVE: c_int = libc::SO_KEEPALIVE;
/// Receive out-of-band data inline with normal data; an int flag.
pub const SO_OOBINLINE: c_int = libc::SO_OOBINLINE;
/// Disable UDP checksums on send (IPv4); an int flag.
pub const SO_NO_CHECK: c_int = libc::SO_NO_CHECK;
/// Protocol-defined priority of the packets sent (0-6 without `CAP_NET_ADMIN`).
pub const SO_PRIORITY: c_int = libc::SO_PRIORITY;
/// `struct linger`: how `close` waits for unsent data (onoff, seconds).
pub const SO_LINGER: c_int = libc::SO_LINGER;
/// BSD bug-compatibility (no effect since Linux 2.2).
pub const SO_BSDCOMPAT: c_int = libc::SO_BSDCOMPAT;
/// Let several sockets bind the same address and port (load balancing); an int flag.
pub const SO_REUSEPORT: c_int = libc::SO_REUSEPORT;
/// Receive `SCM_CREDENTIALS` with each message (Unix sockets); an int flag.
pub const SO_PASSCRED: c_int = libc::SO_PASSCRED;
/// `struct ucred` of the connected peer (Unix sockets); read-only.
pub const SO_PEERCRED: c_int = libc::SO_PEERCRED;
/// Minimum number of bytes before a receive returns.
pub const SO_RCVLOWAT: c_int = libc::SO_RCVLOWAT;
/// Minimum bytes to send (not changeable on Linux).
pub const SO_SNDLOWAT: c_int = libc::SO_SNDLOWAT;
/// Receive timeout as `struct timeval` (this library keeps its own timeouts instead).
pub const SO_RCVTIMEO: c_int = libc::SO_RCVTIMEO;
/// Send timeout as `struct timeval` (this library keeps its own timeouts instead).
pub const SO_SNDTIMEO: c_int = libc::SO_SNDTIMEO;
/// IPsec security level for authentication (unused).
pub const SO_SECURITY_AUTHENTICATION: c_int = libc::SO_SECURITY_AUTHENTICATION;
/// IPsec transport encryption level (unused).
pub const SO_SECURITY_ENCRYPTION_TRANSPORT: c_int = libc::SO_SECURITY_ENCRYPTION_TRANSPORT;
/// IPsec network encryption level (unused).
pub const SO_SECURITY_ENCRYPTION_NETWORK: c_int = libc::SO_SECURITY_ENCRYPTION_NETWORK;
/// Bind the socket to a network interface by name (bytes, up to `IFNAMSIZ`).
pub const SO_BINDTODEVICE: c_int = libc::SO_BINDTODEVICE;
/// Attach a classic BPF filter (`struct sock_fprog`).
pub const SO_ATTACH_FILTER: c_int = libc::SO_ATTACH_FILTER;
/// Remove the attached BPF filter.
pub const SO_DETACH_FILTER: c_int = libc::SO_DETACH_FILTER;
/// The peer's address (as `getpeername`); read-only.
pub const SO_PEERNAME: c_int = libc::SO_PEERNAME;
/// Receive `SCM_TIMESTAMP` (`struct timeval`) with each packet; an int flag.
pub const SO_TIMESTAMP: c_int = libc::SO_TIMESTAMP;
/// Whether the socket is listening; read-only.
pub const SO_ACCEPTCONN: c_int = libc::SO_ACCEPTCONN;
/// The peer's security context (SELinux label); read-only.
pub const SO_PEERSEC: c_int = libc::SO_PEERSEC;
/// Receive the sender's security context (`SCM_SECURITY`); an int flag.
pub const SO_PASSSEC: c_int = libc::SO_PASSSEC;
/// Receive `SCM_TIMESTAMPNS` (`struct timespec`) with each packet; an int flag.
pub const SO_TIMESTAMPNS: c_int = libc::SO_TIMESTAMPNS;
/// The firewall mark of the packets sent (needs `CAP_NET_ADMIN`).
pub const SO_MARK: c_int = libc::SO_MARK;
/// Software/hardware timestamping flags (`SOF_TIMESTAMPING_*`).
pub const SO_TIMESTAMPING: c_int = libc::SO_TIMESTAMPING;
/// The socket's protocol number; read-only.
pub const SO_PROTOCOL: c_int = libc::SO_PROTOCOL;
/// The socket's address family; read-only.
pub const SO_DOMAIN: c_int = libc::SO_DOMAIN;
/// Receive the count of packets dropped for a full queue (`SO_RXQ_OVFL` cmsg); an int flag.
pub const SO_RXQ_OVFL: c_int = libc::SO_RXQ_OVFL;
/// Receive Wi-Fi transmit status (`SCM_WIFI_STATUS`); an int flag.
pub const SO_WIFI_STATUS: c_int = libc::SO_WIFI_STATUS;
/// Offset for `MSG_PEEK` receives (-1: off).
pub const SO_PEEK_OFF: c_int = libc::SO_PEEK_OFF;
/// Send frames without the Ethernet frame check sequence (packet sockets).
pub const SO_NOFCS: c_int = libc::SO_NOFCS;
/// Forbid changing the attached filter; an int flag.
pub const SO_LOCK_FILTER: c_int = libc::SO_LOCK_FILTER;
/// Report error-queue readiness as `POLLPRI` too; an int flag.
pub const SO_SELECT_ERR_QUEUE: c_int = libc::SO_SELECT_ERR_QUEUE;
/// Busy-poll the device queue for this many microseconds on receive.
pub const SO_BUSY_POLL: c_int = libc::SO_BUSY_POLL;
/// Maximum pacing rate in bytes per second (with the fq qdisc).
pub const SO_MAX_PACING_RATE: c_int = libc::SO_MAX_PACING_RATE;
/// The BPF extensions the kernel supports; read-only.
pub const SO_BPF_EXTENSIONS: c_int = libc::SO_BPF_EXTENSIONS;
/// The CPU that handled the last received packet.
pub const SO_INCOMING_CPU: c_int = libc::SO_INCOMING_CPU;
/// Attach an eBPF program (fd) as socket filter.
pub const SO_ATTACH_BPF: c_int = libc::SO_ATTACH_BPF;
/// Classic BPF program choosing among `SO_REUSEPORT` sockets.
pub const SO_ATTACH_REUSEPORT_CBPF: c_int = libc::SO_ATTACH_REUSEPORT_CBPF;
/// eBPF program (fd) choosing among `SO_REUSEPORT` sockets.
pub const SO_ATTACH_REUSEPORT_EBPF: c_int = libc::SO_ATTACH_REUSEPORT_EBPF;
/// Advice to the kernel on a connection's path (for example: reselect the route).
pub const SO_CNX_ADVICE: c_int = libc::SO_CNX_ADVICE;
/// Socket memory counters (`SK_MEMINFO_*` array); read-only.
pub const SO_MEMINFO: c_int = libc::SO_MEMINFO;
/// The NAPI id of the queue that received the last packet; read-only.
pub const SO_INCOMING_NAPI_ID: c_int = libc::SO_INCOMING_NAPI_ID;
/// The socket's unique 64-bit cookie; read-only.
pub const SO_COOKIE: c_int = libc::SO_COOKIE;
/// The supplementary groups of the connected peer (Unix sockets); read-only.
pub const SO_PEERGROUPS: c_int = libc::SO_PEERGROUPS;
/// Allow `MSG_ZEROCOPY` sends; an int flag.
pub const SO_ZEROCOPY: c_int = libc::SO_ZEROCOPY;
/// Schedule packets by transmit time (`struct sock_txtime`).
pub const SO_TXTIME: c_int = libc::SO_TXTIME;
/// Bind the socket to a network interface by index.
pub const SO_BINDTOIFINDEX: c_int = libc::SO_BINDTOIFINDEX;

// Ancillary message types at SOL_SOCKET.
/// Ancillary data: file descriptors passed over a Unix socket.
pub const SCM_RIGHTS: c_int = libc::SCM_RIGHTS;
/// Ancillary data: `struct ucred` (pid, uid, gid) of the sender.
pub const SCM_CREDENTIALS: c_int = libc::SCM_CREDENTIALS;
/// Ancillary data: receive time as `struct timeval`.
pub const SCM_TIMESTAMP: c_int = libc::SCM_TIMESTAMP;
/// Ancillary data: receive time as `struct timespec`.
pub const SCM_TIMESTAMPNS: c_int = libc::SCM_TIMESTAMPNS;
/// Ancillary data: software/hardware timestamps (`struct scm_timestamping`).
pub const SCM_TIMESTAMPING: c_int = libc::SCM_TIMESTAMPING;
/// Ancillary data: Wi-Fi transmit status.
pub const SCM_WIFI_STATUS: c_int = libc::SCM_WIFI_STATUS;
/// Ancillary data: a packet's transmit time (with `SO_TXTIME`).
pub const SCM_TXTIME: c_int = libc::SO_TXTIME;

// send/recv flags.
/// Send or receive out-of-band data (TCP urgent data). Typed: `MsgFlags::OOB`.
pub const MSG_OOB: c_int = libc::MSG_OOB;
/// Receive without removing the data from the queue. Typed: `MsgFlags::PEEK`.
pub const MSG_PEEK: c_int = libc::MSG_PEEK;
/// Send only to directly connected hosts. Typed: `MsgFlags::DONTROUTE`.
pub const MSG_DONTROUTE: c_int = libc::MSG_DONTROUTE;
/// Returned: ancillary data was cut short for lack of control-buffer space.
pub const MSG_CTRUNC: c_int = libc::MSG_CTRUNC;
/// Supply or ask for the second address (obsolete).
pub const MSG_PROXY: c_int = 0x10;
/// On receive: return the real datagram length; returned: the datagram was cut short.
pub const MSG_TRUNC: c_int = libc::MSG_TRUNC;
/// This one call does not block. Typed: `MsgFlags::DONTWAIT`.
pub const MSG_DONTWAIT: c_int = libc::MSG_DONTWAIT;
/// End of record (`SOCK_SEQPACKET`).
pub const MSG_EOR: c_int = libc::MSG_EOR;
/// A stream receive waits for the whole buffer.
pub const MSG_WAITALL: c_int = libc::MSG_WAITALL;
/// TCP FIN (internal to the kernel).
pub const MSG_FIN: c_int = libc::MSG_FIN;
/// TCP SYN (internal to the kernel).
pub const MSG_SYN: c_int = libc::MSG_SYN;
/// Confirm the neighbour is reachable (no ARP probe); on CAN: a frame's own echo.
pub const MSG_CONFIRM: c_int = libc::MSG_CONFIRM;
/// TCP RST (internal to the kernel).
pub const MSG_RST: c_int = libc::MSG_RST;
/// Receive from the socket's error queue.
pub const MSG_ERRQUEUE: c_int = libc::MSG_ERRQUEUE;
/// No `SIGPIPE` on a broken stream; the error is `EPIPE` only.
pub const MSG_NOSIGNAL: c_int = libc::MSG_NOSIGNAL;
/// More data follows: hold this send back (cork for one call).
pub const MSG_MORE: c_int = libc::MSG_MORE;
/// `recvmmsg`: turn on `MSG_DONTWAIT` after the first message.
pub const MSG_WAITFORONE: c_int = libc::MSG_WAITFORONE;
/// `sendmmsg`: more messages follow (internal batching hint).
pub const MSG_BATCH: c_int = 0x40000;
/// Send without copying; completions arrive on the error queue (needs `SO_ZEROCOPY`).
pub const MSG_ZEROCOPY: c_int = 0x4000000;
/// TCP Fast Open: send data with the SYN.
pub const MSG_FASTOPEN: c_int = libc::MSG_FASTOPEN;
/// Make fds received with `SCM_RIGHTS` close-on-exec (this library adds it on `AF_UNIX`).
pub const MSG_CMSG_CLOEXEC: c_int = libc::MSG_CMSG_CLOEXEC;

// errno values CPython's socket module re-exports (its `error` codes for non-blocking I/O).
/// errno: resource temporarily unavailable (a non-blocking call would block).
pub const EAGAIN: c_int = libc::EAGAIN;
/// errno: same as `EAGAIN` on Linux.
pub const EWOULDBLOCK: c_int = libc::EWOULDBLOCK;
/// errno: bad file descriptor.
pub const EBADF: c_int = libc::EBADF;

// shutdown(2) directions.
/// `shutdown`: no more receives.
pub const SHUT_RD: c_int = libc::SHUT_RD;
/// `shutdown`: no more sends (the peer reads end-of-stream).
pub const SHUT_WR: c_int = libc::SHUT_WR;
/// `shutdown`: no more receives or sends.
pub const SHUT_RDWR: c_int = libc::SHUT_RDWR;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_the_linux_ones() {
        // Spot checks against the numbers of the Linux uapi headers.
        assert_eq!((AF_INET, AF_INET6, AF_UNIX, AF_CAN, AF_QIPCRTR), (2, 10, 1, 29, 42));
        assert_eq!((SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET), (1, 2, 5));
        assert_eq!((SOL_SOCKET, SO_REUSEADDR, SO_PEERCRED), (1, 2, 17));
        assert_eq!((MSG_PEEK, MSG_CTRUNC, MSG_CMSG_CLOEXEC), (2, 8, 0x4000_0000));
        assert_eq!((SHUT_RD, SHUT_WR, SHUT_RDWR), (0, 1, 2));
    }
}
