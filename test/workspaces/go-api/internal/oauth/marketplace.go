// Package oauth connects a merchant's marketplace account: the marketplace redirects back
// with ?code=...&state=..., and the code is exchanged for tokens (RFC 6749, section 4.1).
package oauth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// TokenError is the token endpoint's error body; its codes are OAuth's, not this service's.
type TokenError struct {
	Code        string `json:"error"`
	Description string `json:"error_description"`
}

func (e *TokenError) Error() string {
	return "oauth: " + e.Code + ": " + e.Description
}

type Tokens struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
}

type Marketplace struct {
	TokenURL     string
	ClientID     string
	ClientSecret string
	RedirectURI  string
	HTTPClient   *http.Client
}

var ErrReauthorize = errors.New("oauth: the merchant must authorize again")

// Exchange trades the authorization code from the callback for tokens.
func (m *Marketplace) Exchange(ctx context.Context, code, verifier string) (*Tokens, error) {
	form := url.Values{
		"grant_type":    {"authorization_code"},
		"code":          {code},
		"redirect_uri":  {m.RedirectURI},
		"client_id":     {m.ClientID},
		"code_verifier": {verifier},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.TokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(m.ClientID, m.ClientSecret)

	client := m.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 15 * time.Second}
	}
	res, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()

	if res.StatusCode != http.StatusOK {
		var tokenErr TokenError
		if err := json.NewDecoder(res.Body).Decode(&tokenErr); err != nil {
			return nil, fmt.Errorf("oauth: token endpoint answered %d", res.StatusCode)
		}
		switch tokenErr.Code {
		case "invalid_grant", "access_denied":
			// The code expired or was used twice: only a new authorization helps.
			return nil, fmt.Errorf("%w: %v", ErrReauthorize, &tokenErr)
		case "invalid_client", "unauthorized_client":
			return nil, fmt.Errorf("oauth: our client credentials were rejected: %w", &tokenErr)
		default:
			return nil, &tokenErr
		}
	}
	var tokens Tokens
	if err := json.NewDecoder(res.Body).Decode(&tokens); err != nil {
		return nil, err
	}
	return &tokens, nil
}

// Callback reads the marketplace's redirect. The marketplace reports a refusal in the
// query (?error=access_denied), never as an HTTP status.
func Callback(r *http.Request) (code, state string, err error) {
	q := r.URL.Query()
	if refusal := q.Get("error"); refusal != "" {
		return "", "", &TokenError{Code: refusal, Description: q.Get("error_description")}
	}
	code, state = q.Get("code"), q.Get("state")
	if code == "" || state == "" {
		return "", "", errors.New("oauth: callback without code or state")
	}
	return code, state, nil
}
