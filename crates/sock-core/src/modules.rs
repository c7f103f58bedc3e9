//! Which kernel module provides a family or protocol: the hint of a socket creation that
//! failed with `EAFNOSUPPORT`, `EPROTONOSUPPORT` or `ESOCKTNOSUPPORT`.

use crate::kinds::{Family, Protocol, Type};

// The protocol numbers of the families that sock-core does not own (linux/can.h,
// net/bluetooth/bluetooth.h).
const CAN_RAW: i32 = 1;
const CAN_BCM: i32 = 2;
const CAN_ISOTP: i32 = 6;
const CAN_J1939: i32 = 7;
const BTPROTO_RFCOMM: i32 = 3;
const BTPROTO_BNEP: i32 = 4;
const BTPROTO_HIDP: i32 = 6;

/// The kernel module (as `modprobe` names it) that provides `family` with `protocol`, if it
/// is a loadable module in distribution kernels. `None` for families built into every kernel
/// (INET, UNIX, NETLINK).
///
/// ```
/// use sock::{Family, Protocol, Type};
/// use sock::consts::CAN_ISOTP;
/// assert_eq!(sock::core::kernel_module(Family::CAN, Type::DGRAM, Protocol(CAN_ISOTP)), Some("can-isotp"));
/// assert_eq!(sock::core::kernel_module(Family::INET, Type::STREAM, Protocol::TCP), None);
/// ```
pub fn kernel_module(family: Family, _ty: Type, protocol: Protocol) -> Option<&'static str> {
    let p = protocol.0;
    Some(match family {
        Family::CAN => match p {
            CAN_BCM => "can-bcm",
            CAN_ISOTP => "can-isotp",
            CAN_J1939 => "can-j1939",
            CAN_RAW | 0 => "can-raw",
            _ => "can",
        },
        Family::ALG => "af_alg",
        Family::VSOCK => "vsock (and a transport: vsock_loopback, vmw_vsock_virtio_transport or hv_sock)",
        Family::BLUETOOTH => match p {
            BTPROTO_RFCOMM => "rfcomm",
            BTPROTO_BNEP => "bnep",
            BTPROTO_HIDP => "hidp",
            _ => "bluetooth",
        },
        Family::TIPC => "tipc",
        Family::RDS => "rds (and rds_tcp for a transport)",
        Family::QIPCRTR => "qrtr",
        Family::PACKET => "af_packet",
        Family::INET | Family::INET6 => match p {
            libc::IPPROTO_SCTP => "sctp",
            libc::IPPROTO_DCCP => "dccp",
            115 => "l2tp_ip", // IPPROTO_L2TP
            _ if family == Family::INET6 => "ipv6",
            _ => return None,
        },
        _ => return None,
    })
}

/// The hint of a failed `socket()` call: which family is missing and how to get it.
pub(crate) fn creation_hint(err: &std::io::Error, family: Family, ty: Type, protocol: Protocol) -> Option<String> {
    let code = err.raw_os_error()?;
    if !matches!(code, libc::EAFNOSUPPORT | libc::EPROTONOSUPPORT | libc::ESOCKTNOSUPPORT) {
        return None;
    }
    let name = crate::family::family_name(family);
    let what = if code == libc::EAFNOSUPPORT { name.to_string() } else { format!("this protocol of {name}") };
    Some(match kernel_module(family, ty, protocol) {
        Some(module) => format!("the running kernel lacks {what}: load its module (modprobe {module})"),
        None => format!("the running kernel does not provide {what} (check its configuration)"),
    })
}
