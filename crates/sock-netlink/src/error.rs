//! The errors of netlink requests: the kernel's `NLMSG_ERROR` answer named by the request it
//! answers (`RTM_NEWADDR: Operation not permitted (EPERM)`), with the kernel's own text when
//! it sent one.

use std::io;

use sock_core::ErrorContext;

use crate::consts::NETLINK_ROUTE;
use crate::msg::NlMsg;

/// The request type as errors name it: `RTM_NEWADDR` on `NETLINK_ROUTE`, else
/// `netlink request type 16`.
fn request_name(protocol: i32, request: u16) -> String {
    let named = if protocol == NETLINK_ROUTE { crate::route::message_type_name(request) } else { None };
    match named {
        Some(name) => name.to_owned(),
        None => format!("netlink request type {request}"),
    }
}

/// `err`, the status of `answer` (an `NLMSG_ERROR` or `NLMSG_DONE`), wrapped with the request
/// it answers and the kernel's extended-acknowledgement text as a hint. The errno stays
/// readable through `sock_core::errno`.
#[cold]
pub(crate) fn request_error(err: io::Error, protocol: i32, request: u16, answer: &NlMsg<'_>) -> io::Error {
    let mut ctx = ErrorContext::new(err, request_name(protocol, request));
    if let Some(text) = answer.ext_ack_message().filter(|t| !t.is_empty()) {
        ctx = ctx.hint(format!("the kernel says: {text}"));
    }
    ctx.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consts::{NLMSG_ERROR, NLM_F_ACK_TLVS, NLM_F_CAPPED};
    use crate::msg::{NlMsgBuilder, NlMsgIter};
    use crate::route::RTM_NEWADDR;

    #[test]
    fn errors_name_the_request_and_keep_the_errno() {
        let mut b = NlMsgBuilder::new(NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS);
        b.push_struct(&(-libc::EPERM).to_ne_bytes());
        b.push_struct(&NlMsgBuilder::new(RTM_NEWADDR, 0).into_bytes());
        b.push_attr_str(1, "not allowed here").unwrap();
        let bytes = b.into_bytes();
        let msg = NlMsgIter::new(&bytes).next().unwrap().unwrap();
        let raw = msg.status().unwrap().unwrap_err();
        let e = request_error(raw, NETLINK_ROUTE, RTM_NEWADDR, &msg);
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(sock_core::errno(&e), Some(libc::EPERM));
        assert_eq!(e.to_string(), "RTM_NEWADDR: Operation not permitted (EPERM); the kernel says: not allowed here");
        let other = request_error(io::Error::from_raw_os_error(libc::EINVAL), 16, 20, &msg);
        assert!(other.to_string().starts_with("netlink request type 20: Invalid argument (EINVAL)"), "{other}");
    }
}
