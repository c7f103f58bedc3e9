//! The module-wide default timeout. It is process-global, so it has a test binary of its own
//! with a single test.

use std::net::Ipv4Addr;
use std::time::Duration;

use sock::{Family, Mode, Socket, Type};

#[test]
fn default_timeout_applies_to_new_and_accepted_sockets() {
    assert_eq!(sock::getdefaulttimeout(), None);
    let listener = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    listener.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    listener.listen(None).unwrap();
    // A listener with its own timeout, default None: the accepted socket blocks (bpo-7995).
    listener.set_timeout(Some(Duration::from_secs(10))).unwrap();
    let c1 = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    c1.connect(listener.local_addr().unwrap()).unwrap();
    let (conn, _) = listener.accept().unwrap();
    assert_eq!(conn.timeout(), None);

    sock::setdefaulttimeout(Some(Duration::from_secs(20)));
    assert_eq!(sock::getdefaulttimeout(), Some(Duration::from_secs(20)));
    let fresh = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    assert_eq!(fresh.mode(), Mode::Timeout(Duration::from_secs(20)));
    let nonblock = Socket::new(Family::INET, Type(libc::SOCK_STREAM | libc::SOCK_NONBLOCK), None).unwrap();
    assert_eq!(nonblock.mode(), Mode::NonBlocking, "SOCK_NONBLOCK wins over the default");
    let c2 = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    c2.connect(listener.local_addr().unwrap()).unwrap();
    let (conn, _) = listener.accept().unwrap();
    assert_eq!(conn.timeout(), Some(Duration::from_secs(20)), "accepted sockets take the default");

    sock::setdefaulttimeout(Some(Duration::ZERO));
    listener.set_blocking(false).unwrap();
    let c3 = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    assert_eq!(c3.mode(), Mode::NonBlocking);
    let _ = c3.connect(listener.local_addr().unwrap());
    // The non-blocking connect completes in the background: wait until it is queued.
    assert!(sock_tests::wait_readable(&listener, Duration::from_secs(10)), "no connection to accept");
    let (conn, _) = listener.accept().unwrap();
    assert_eq!(conn.timeout(), Some(Duration::ZERO));

    sock::setdefaulttimeout(None);
    let (a, _) = sock::socketpair().unwrap();
    assert_eq!(a.timeout(), None);
}
