//! Constants common to all families, under their Python names with Linux values:
//! `AF_*`, `PF_*`, `SOCK_*`, `SO_*`, `SOL_*`, `SCM_*`, `MSG_*`, `SHUT_*` and `SOMAXCONN`.
//!
//! Family-specific constants (`CAN_*`, `ALG_*`, `IP_*` ...) live in their family crates; the
//! facade re-exports all of them flat as `sock::consts::NAME`.

#![allow(missing_docs)] // each constant is the Linux constant of the same name

use libc::c_int;

// Address families.
pub const AF_UNSPEC: c_int = libc::AF_UNSPEC;
pub const AF_UNIX: c_int = libc::AF_UNIX;
pub const AF_INET: c_int = libc::AF_INET;
pub const AF_AX25: c_int = libc::AF_AX25;
pub const AF_IPX: c_int = libc::AF_IPX;
pub const AF_APPLETALK: c_int = libc::AF_APPLETALK;
pub const AF_NETROM: c_int = libc::AF_NETROM;
pub const AF_BRIDGE: c_int = libc::AF_BRIDGE;
pub const AF_ATMPVC: c_int = libc::AF_ATMPVC;
pub const AF_X25: c_int = libc::AF_X25;
pub const AF_INET6: c_int = libc::AF_INET6;
pub const AF_ROSE: c_int = libc::AF_ROSE;
#[allow(non_upper_case_globals)]
pub const AF_DECnet: c_int = libc::AF_DECnet;
pub const AF_NETBEUI: c_int = libc::AF_NETBEUI;
pub const AF_SECURITY: c_int = libc::AF_SECURITY;
pub const AF_KEY: c_int = libc::AF_KEY;
pub const AF_NETLINK: c_int = libc::AF_NETLINK;
pub const AF_ROUTE: c_int = libc::AF_ROUTE;
pub const AF_PACKET: c_int = libc::AF_PACKET;
pub const AF_ASH: c_int = libc::AF_ASH;
pub const AF_ECONET: c_int = libc::AF_ECONET;
pub const AF_ATMSVC: c_int = libc::AF_ATMSVC;
pub const AF_RDS: c_int = libc::AF_RDS;
pub const AF_SNA: c_int = libc::AF_SNA;
pub const AF_IRDA: c_int = libc::AF_IRDA;
pub const AF_PPPOX: c_int = libc::AF_PPPOX;
pub const AF_WANPIPE: c_int = libc::AF_WANPIPE;
pub const AF_LLC: c_int = libc::AF_LLC;
pub const AF_CAN: c_int = libc::AF_CAN;
pub const AF_TIPC: c_int = libc::AF_TIPC;
pub const AF_BLUETOOTH: c_int = libc::AF_BLUETOOTH;
pub const AF_ALG: c_int = libc::AF_ALG;
pub const AF_VSOCK: c_int = libc::AF_VSOCK;
pub const AF_QIPCRTR: c_int = 42;

// Protocol families that CPython exports under a PF_ name.
pub const PF_CAN: c_int = AF_CAN;
pub const PF_PACKET: c_int = AF_PACKET;
pub const PF_RDS: c_int = AF_RDS;

// Socket types and creation flags.
pub const SOCK_STREAM: c_int = libc::SOCK_STREAM;
pub const SOCK_DGRAM: c_int = libc::SOCK_DGRAM;
pub const SOCK_RAW: c_int = libc::SOCK_RAW;
pub const SOCK_RDM: c_int = libc::SOCK_RDM;
pub const SOCK_SEQPACKET: c_int = libc::SOCK_SEQPACKET;
pub const SOCK_CLOEXEC: c_int = libc::SOCK_CLOEXEC;
pub const SOCK_NONBLOCK: c_int = libc::SOCK_NONBLOCK;

/// The kernel's listen backlog limit as the C headers define it.
pub const SOMAXCONN: c_int = libc::SOMAXCONN;

// Option levels.
pub const SOL_SOCKET: c_int = libc::SOL_SOCKET;
pub const SOL_IP: c_int = libc::SOL_IP;
pub const SOL_TCP: c_int = libc::SOL_TCP;
pub const SOL_UDP: c_int = libc::SOL_UDP;

// SOL_SOCKET options.
pub const SO_DEBUG: c_int = libc::SO_DEBUG;
pub const SO_REUSEADDR: c_int = libc::SO_REUSEADDR;
pub const SO_TYPE: c_int = libc::SO_TYPE;
pub const SO_ERROR: c_int = libc::SO_ERROR;
pub const SO_DONTROUTE: c_int = libc::SO_DONTROUTE;
pub const SO_BROADCAST: c_int = libc::SO_BROADCAST;
pub const SO_SNDBUF: c_int = libc::SO_SNDBUF;
pub const SO_RCVBUF: c_int = libc::SO_RCVBUF;
pub const SO_SNDBUFFORCE: c_int = libc::SO_SNDBUFFORCE;
pub const SO_RCVBUFFORCE: c_int = libc::SO_RCVBUFFORCE;
pub const SO_KEEPALIVE: c_int = libc::SO_KEEPALIVE;
pub const SO_OOBINLINE: c_int = libc::SO_OOBINLINE;
pub const SO_NO_CHECK: c_int = libc::SO_NO_CHECK;
pub const SO_PRIORITY: c_int = libc::SO_PRIORITY;
pub const SO_LINGER: c_int = libc::SO_LINGER;
pub const SO_BSDCOMPAT: c_int = libc::SO_BSDCOMPAT;
pub const SO_REUSEPORT: c_int = libc::SO_REUSEPORT;
pub const SO_PASSCRED: c_int = libc::SO_PASSCRED;
pub const SO_PEERCRED: c_int = libc::SO_PEERCRED;
pub const SO_RCVLOWAT: c_int = libc::SO_RCVLOWAT;
pub const SO_SNDLOWAT: c_int = libc::SO_SNDLOWAT;
pub const SO_RCVTIMEO: c_int = libc::SO_RCVTIMEO;
pub const SO_SNDTIMEO: c_int = libc::SO_SNDTIMEO;
pub const SO_SECURITY_AUTHENTICATION: c_int = libc::SO_SECURITY_AUTHENTICATION;
pub const SO_SECURITY_ENCRYPTION_TRANSPORT: c_int = libc::SO_SECURITY_ENCRYPTION_TRANSPORT;
pub const SO_SECURITY_ENCRYPTION_NETWORK: c_int = libc::SO_SECURITY_ENCRYPTION_NETWORK;
pub const SO_BINDTODEVICE: c_int = libc::SO_BINDTODEVICE;
pub const SO_ATTACH_FILTER: c_int = libc::SO_ATTACH_FILTER;
pub const SO_DETACH_FILTER: c_int = libc::SO_DETACH_FILTER;
pub const SO_PEERNAME: c_int = libc::SO_PEERNAME;
pub const SO_TIMESTAMP: c_int = libc::SO_TIMESTAMP;
pub const SO_ACCEPTCONN: c_int = libc::SO_ACCEPTCONN;
pub const SO_PEERSEC: c_int = libc::SO_PEERSEC;
pub const SO_PASSSEC: c_int = libc::SO_PASSSEC;
pub const SO_TIMESTAMPNS: c_int = libc::SO_TIMESTAMPNS;
pub const SO_MARK: c_int = libc::SO_MARK;
pub const SO_TIMESTAMPING: c_int = libc::SO_TIMESTAMPING;
pub const SO_PROTOCOL: c_int = libc::SO_PROTOCOL;
pub const SO_DOMAIN: c_int = libc::SO_DOMAIN;
pub const SO_RXQ_OVFL: c_int = libc::SO_RXQ_OVFL;
pub const SO_WIFI_STATUS: c_int = libc::SO_WIFI_STATUS;
pub const SO_PEEK_OFF: c_int = libc::SO_PEEK_OFF;
pub const SO_NOFCS: c_int = libc::SO_NOFCS;
pub const SO_LOCK_FILTER: c_int = libc::SO_LOCK_FILTER;
pub const SO_SELECT_ERR_QUEUE: c_int = libc::SO_SELECT_ERR_QUEUE;
pub const SO_BUSY_POLL: c_int = libc::SO_BUSY_POLL;
pub const SO_MAX_PACING_RATE: c_int = libc::SO_MAX_PACING_RATE;
pub const SO_BPF_EXTENSIONS: c_int = libc::SO_BPF_EXTENSIONS;
pub const SO_INCOMING_CPU: c_int = libc::SO_INCOMING_CPU;
pub const SO_ATTACH_BPF: c_int = libc::SO_ATTACH_BPF;
pub const SO_ATTACH_REUSEPORT_CBPF: c_int = libc::SO_ATTACH_REUSEPORT_CBPF;
pub const SO_ATTACH_REUSEPORT_EBPF: c_int = libc::SO_ATTACH_REUSEPORT_EBPF;
pub const SO_CNX_ADVICE: c_int = libc::SO_CNX_ADVICE;
pub const SO_MEMINFO: c_int = libc::SO_MEMINFO;
pub const SO_INCOMING_NAPI_ID: c_int = libc::SO_INCOMING_NAPI_ID;
pub const SO_COOKIE: c_int = libc::SO_COOKIE;
pub const SO_PEERGROUPS: c_int = libc::SO_PEERGROUPS;
pub const SO_ZEROCOPY: c_int = libc::SO_ZEROCOPY;
pub const SO_TXTIME: c_int = libc::SO_TXTIME;
pub const SO_BINDTOIFINDEX: c_int = libc::SO_BINDTOIFINDEX;

// Ancillary message types at SOL_SOCKET.
pub const SCM_RIGHTS: c_int = libc::SCM_RIGHTS;
pub const SCM_CREDENTIALS: c_int = libc::SCM_CREDENTIALS;
pub const SCM_TIMESTAMP: c_int = libc::SCM_TIMESTAMP;
pub const SCM_TIMESTAMPNS: c_int = libc::SCM_TIMESTAMPNS;
pub const SCM_TIMESTAMPING: c_int = libc::SCM_TIMESTAMPING;
pub const SCM_WIFI_STATUS: c_int = libc::SCM_WIFI_STATUS;
pub const SCM_TXTIME: c_int = libc::SO_TXTIME;

// send/recv flags.
pub const MSG_OOB: c_int = libc::MSG_OOB;
pub const MSG_PEEK: c_int = libc::MSG_PEEK;
pub const MSG_DONTROUTE: c_int = libc::MSG_DONTROUTE;
pub const MSG_CTRUNC: c_int = libc::MSG_CTRUNC;
pub const MSG_PROXY: c_int = 0x10;
pub const MSG_TRUNC: c_int = libc::MSG_TRUNC;
pub const MSG_DONTWAIT: c_int = libc::MSG_DONTWAIT;
pub const MSG_EOR: c_int = libc::MSG_EOR;
pub const MSG_WAITALL: c_int = libc::MSG_WAITALL;
pub const MSG_FIN: c_int = libc::MSG_FIN;
pub const MSG_SYN: c_int = libc::MSG_SYN;
pub const MSG_CONFIRM: c_int = libc::MSG_CONFIRM;
pub const MSG_RST: c_int = libc::MSG_RST;
pub const MSG_ERRQUEUE: c_int = libc::MSG_ERRQUEUE;
pub const MSG_NOSIGNAL: c_int = libc::MSG_NOSIGNAL;
pub const MSG_MORE: c_int = libc::MSG_MORE;
pub const MSG_WAITFORONE: c_int = libc::MSG_WAITFORONE;
pub const MSG_BATCH: c_int = 0x40000;
pub const MSG_ZEROCOPY: c_int = 0x4000000;
pub const MSG_FASTOPEN: c_int = libc::MSG_FASTOPEN;
pub const MSG_CMSG_CLOEXEC: c_int = libc::MSG_CMSG_CLOEXEC;

// errno values CPython's socket module re-exports (its `error` codes for non-blocking I/O).
pub const EAGAIN: c_int = libc::EAGAIN;
pub const EWOULDBLOCK: c_int = libc::EWOULDBLOCK;
pub const EBADF: c_int = libc::EBADF;

// shutdown(2) directions.
pub const SHUT_RD: c_int = libc::SHUT_RD;
pub const SHUT_WR: c_int = libc::SHUT_WR;
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
