//! Errors that say what failed (issue 16): every error the library makes on a setup path names
//! the operation and its target and keeps the OS error code and `ErrorKind`; the data path
//! passes OS errors through untouched; a missing family names its kernel module.

use std::io;
use std::net::{Ipv4Addr, TcpListener};
use std::time::Duration;

use sock::consts::{AF_INET, SOCK_DGRAM, SOCK_STREAM};
use sock::{ErrorContext, Family, MsgFlags, Protocol, Socket, Type};

#[test]
fn bind_names_the_address_and_keeps_the_errno() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let s = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    let e = s.bind(("127.0.0.1", port)).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::AddrInUse);
    assert_eq!(sock::errno(&e), Some(libc::EADDRINUSE));
    assert_eq!(e.to_string(), format!("bind 127.0.0.1:{port}: Address already in use (EADDRINUSE)"));
    let ctx = ErrorContext::of(&e).expect("a context");
    assert_eq!((ctx.op(), ctx.target()), (Some("bind"), format!("127.0.0.1:{port}").as_str()));
    assert_eq!(ctx.inner().raw_os_error(), Some(libc::EADDRINUSE));
    // std's Error::source leads to the OS error.
    let source = std::error::Error::source(ctx).expect("a source");
    assert!(source.to_string().contains("os error 98"), "{source}");
}

#[test]
fn connect_names_the_address() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let s = Socket::new(AF_INET, SOCK_STREAM, 0).unwrap();
    let e = s.connect((Ipv4Addr::LOCALHOST, port)).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::ConnectionRefused);
    assert_eq!(sock::errno(&e), Some(libc::ECONNREFUSED));
    assert_eq!(e.to_string(), format!("connect 127.0.0.1:{port}: Connection refused (ECONNREFUSED)"));
    // connect_ex reports the errno as a number, as CPython.
    assert_eq!(s.connect_ex((Ipv4Addr::LOCALHOST, port)).unwrap(), libc::ECONNREFUSED);
}

#[test]
fn a_bad_address_names_the_operation_and_the_argument() {
    let s = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    let e = s.bind(("not-an-address\0", 1)).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
    assert!(e.to_string().starts_with("bind: "), "{e}");
}

#[test]
fn timeouts_name_the_operation() {
    let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None).unwrap();
    a.set_timeout_secs(0.01).unwrap();
    let e = a.recv(&mut [0u8; 4]).unwrap_err();
    assert!(sock::is_timeout(&e));
    assert_eq!(e.to_string(), "recv: timed out");
    let e = a.recv_from(&mut [0u8; 4]).unwrap_err();
    assert_eq!(e.to_string(), "recvfrom: timed out");

    let listener = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    listener.bind(("127.0.0.1", 0)).unwrap();
    listener.listen(None).unwrap();
    listener.set_timeout(Some(Duration::from_millis(10))).unwrap();
    let e = listener.accept().unwrap_err();
    assert_eq!((e.kind(), e.to_string().as_str()), (io::ErrorKind::TimedOut, "accept: timed out"));

    // send_all: fill the peer's buffer until the one deadline passes.
    b.set_timeout_secs(0.05).unwrap();
    let chunk = vec![0u8; 1 << 16];
    let e = loop {
        if let Err(e) = b.send_all(&chunk) {
            break e;
        }
    };
    assert_eq!(e.to_string(), "sendall: timed out");
}

#[test]
fn the_data_path_passes_os_errors_through() {
    let (a, _b) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
    let e = a.recv_with_flags(&mut [0u8; 4], MsgFlags::DONTWAIT).unwrap_err();
    // A reactor reads WouldBlock and the raw errno straight from the error.
    assert_eq!((e.kind(), e.raw_os_error()), (io::ErrorKind::WouldBlock, Some(libc::EAGAIN)));
    assert!(ErrorContext::of(&e).is_none());
    let (c, d) = Socket::pair(Family::UNIX, Type::STREAM, None).unwrap();
    drop(d);
    let e = c.send_with_flags(b"x", MsgFlags::NOSIGNAL).unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::EPIPE));
}

#[test]
fn a_missing_family_names_its_kernel_module() {
    // AF_IB (27) has no socket implementation in any kernel: the hint says so.
    let e = Socket::new(Family(27), Type::STREAM, None).unwrap_err();
    assert_eq!(sock::errno(&e), Some(libc::EAFNOSUPPORT));
    assert_eq!(
        e.to_string(),
        "socket family 27/SOCK_STREAM/0: Address family not supported by protocol (EAFNOSUPPORT); \
         the running kernel does not provide family 27 (check its configuration)"
    );
    // AF_CAN: a module. On a kernel without it (this host) the error says which to load; with
    // it (the test VM) the socket opens.
    match Socket::new(Family::CAN, Type::RAW, Protocol(1)) {
        Ok(s) => assert_eq!(s.family(), Family::CAN),
        Err(e) => {
            assert_eq!(sock::errno(&e), Some(libc::EAFNOSUPPORT), "{e}");
            assert!(
                e.to_string().ends_with("the running kernel lacks AF_CAN: load its module (modprobe can-raw)"),
                "{e}"
            );
        }
    }
    assert_eq!(sock::kernel_module(Family::TIPC, Type::RDM, Protocol::DEFAULT), Some("tipc"));
    assert_eq!(sock::kernel_module(Family::UNIX, Type::STREAM, Protocol::DEFAULT), None);
}

#[test]
fn python_ints_and_typed_values_build_the_same_socket() {
    let a = sock::socket(AF_INET, SOCK_DGRAM, 0).unwrap();
    let b = sock::socket(Family::INET, Type::DGRAM, None).unwrap();
    let c = sock::socket(Family::INET, Type::DGRAM, Protocol::UDP).unwrap();
    for s in [&a, &b, &c] {
        assert_eq!((s.family(), s.ty()), (Family::INET, Type::DGRAM));
    }
    assert_eq!(c.protocol(), Protocol::UDP);
}

#[test]
fn set_timeout_secs_checks_its_argument() {
    let s = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    for bad in [-1.0, f64::NAN, f64::INFINITY, 1e300] {
        let e = s.set_timeout_secs(bad).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{bad}");
        assert_eq!(e.to_string(), "timeout: Timeout value out of range", "{bad}");
    }
    s.set_timeout_secs(0.0).unwrap();
    assert_eq!(s.mode(), sock::Mode::NonBlocking);
    s.set_timeout_secs(1.5).unwrap();
    assert_eq!(s.timeout_secs(), Some(1.5));
    s.set_timeout_secs(None).unwrap();
    assert_eq!(s.timeout_secs(), None);
}

#[test]
fn debug_reads_like_cpythons_repr() {
    let listener = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    listener.bind(("127.0.0.1", 0)).unwrap();
    listener.listen(None).unwrap();
    let port = sock::inet::decode(&listener.local_addr().unwrap()).unwrap().port();
    assert_eq!(
        format!("{listener:?}"),
        format!("<Socket fd={} family=INET type=STREAM proto=0 laddr=127.0.0.1:{port}>", listener.fileno())
    );
    let c = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    c.connect(("127.0.0.1", port)).unwrap();
    c.set_timeout_secs(2.5).unwrap();
    let text = format!("{c:?}");
    assert!(text.ends_with(&format!(" raddr=127.0.0.1:{port} timeout=2.5>")), "{text}");
    let unnamed = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
    unnamed.set_blocking(false).unwrap();
    assert_eq!(
        format!("{unnamed:?}"),
        format!("<Socket fd={} family=UNIX type=DGRAM proto=0 nonblocking>", unnamed.fileno())
    );
}
