/** The web host refused the page's token (close code 4401), or the page came without one. */
export function Unauthorized() {
  return (
    <main className="notice" role="alert" aria-labelledby="unauthorized-title">
      <h1 id="unauthorized-title">Not authorized</h1>
      <p>
        This page does not carry a valid access token, so the fleet host will not talk to it. Open the
        dashboard again from the link that <code>openclaw-fleet serve</code> printed in Terminal; the link
        holds the token.
      </p>
    </main>
  );
}
