// Package store keeps orders, products and shipments in memory behind a mutex. The service
// swaps it for the Postgres store in production; the handlers only see these methods.
package store

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

var (
	ErrNotFound      = errors.New("store: not found")
	ErrDuplicate     = errors.New("store: duplicate key")
	ErrStaleRevision = errors.New("store: stale revision")
)

type OrderStatus string

// Order statuses are stored as text; they are lifecycle states, not errors.
const (
	OrderPending   OrderStatus = "pending"
	OrderPaid      OrderStatus = "paid"
	OrderShipped   OrderStatus = "shipped"
	OrderCancelled OrderStatus = "cancelled"
)

type LineItem struct {
	SKU       string `json:"sku"`
	Quantity  int    `json:"quantity"`
	UnitPrice int64  `json:"unit_price"`
}

type Order struct {
	ID             string      `json:"id"`
	CustomerID     string      `json:"customer_id"`
	Status         OrderStatus `json:"status"`
	Currency       string      `json:"currency"`
	Items          []LineItem  `json:"items"`
	ShipmentID     string      `json:"shipment_id,omitempty"`
	IdempotencyKey string      `json:"-"`
	CreatedAt      time.Time   `json:"created_at"`
}

// Total is the sum of the line items in the order's currency's minor unit.
func (o *Order) Total() int64 {
	var total int64
	for _, item := range o.Items {
		total += item.UnitPrice * int64(item.Quantity)
	}
	return total
}

type Product struct {
	SKU       string `json:"sku"`
	Name      string `json:"name"`
	Price     int64  `json:"price"`
	Currency  string `json:"currency"`
	InStock   int    `json:"in_stock"`
	Revision  int    `json:"revision"`
	Warehouse string `json:"warehouse"`
}

type Shipment struct {
	ID          string    `json:"id"`
	OrderID     string    `json:"order_id"`
	Carrier     string    `json:"carrier"`
	TrackingRef string    `json:"tracking_ref"`
	Status      string    `json:"status"`
	UpdatedAt   time.Time `json:"updated_at"`
}

type Customer struct {
	ID      string `json:"id"`
	Email   string `json:"email"`
	Country string `json:"country"`
	Locale  string `json:"locale"`
}

type Store struct {
	mu        sync.Mutex
	seq       int
	orders    map[string]*Order
	byKey     map[string]string
	products  map[string]*Product
	shipments map[string]*Shipment
	customers map[string]*Customer
}

func New() *Store {
	return &Store{
		orders:    map[string]*Order{},
		byKey:     map[string]string{},
		products:  map[string]*Product{},
		shipments: map[string]*Shipment{},
		customers: map[string]*Customer{},
	}
}

func (s *Store) nextID(prefix string) string {
	s.seq++
	return fmt.Sprintf("%s_%06d", prefix, s.seq)
}

func (s *Store) PutCustomer(c Customer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.customers[c.ID] = &c
}

func (s *Store) Customer(id string) (Customer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.customers[id]
	if !ok {
		return Customer{}, ErrNotFound
	}
	return *c, nil
}

func (s *Store) CreateProduct(p Product) (Product, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, exists := s.products[p.SKU]; exists {
		return Product{}, ErrDuplicate
	}
	p.Revision = 1
	s.products[p.SKU] = &p
	return p, nil
}

func (s *Store) Product(sku string) (Product, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.products[sku]
	if !ok {
		return Product{}, ErrNotFound
	}
	return *p, nil
}

func (s *Store) Products() []Product {
	s.mu.Lock()
	defer s.mu.Unlock()
	list := make([]Product, 0, len(s.products))
	for _, p := range s.products {
		list = append(list, *p)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].SKU < list[j].SKU })
	return list
}

// AdjustStock adds delta (negative to take) to a product's stock if the caller saw the latest revision.
func (s *Store) AdjustStock(sku string, delta, revision int) (Product, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.products[sku]
	if !ok {
		return Product{}, ErrNotFound
	}
	if revision != 0 && revision != p.Revision {
		return Product{}, ErrStaleRevision
	}
	p.InStock += delta
	p.Revision++
	return *p, nil
}

// OrderByIdempotencyKey finds the order an earlier request with the same key created.
func (s *Store) OrderByIdempotencyKey(key string) (Order, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.byKey[key]
	if !ok {
		return Order{}, false
	}
	return *s.orders[id], true
}

func (s *Store) CreateOrder(o Order) Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	o.ID = s.nextID("ord")
	o.Status = OrderPending
	o.CreatedAt = time.Now().UTC()
	s.orders[o.ID] = &o
	if o.IdempotencyKey != "" {
		s.byKey[o.IdempotencyKey] = o.ID
	}
	return o
}

func (s *Store) Order(id string) (Order, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[id]
	if !ok {
		return Order{}, ErrNotFound
	}
	return *o, nil
}

func (s *Store) OrdersOf(customerID string) []Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	var list []Order
	for _, o := range s.orders {
		if o.CustomerID == customerID {
			list = append(list, *o)
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	return list
}

func (s *Store) SetOrderStatus(id string, status OrderStatus) (Order, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[id]
	if !ok {
		return Order{}, ErrNotFound
	}
	o.Status = status
	return *o, nil
}

func (s *Store) CreateShipment(orderID, carrier, trackingRef string) (Shipment, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[orderID]
	if !ok {
		return Shipment{}, ErrNotFound
	}
	sh := &Shipment{
		ID:          s.nextID("shp"),
		OrderID:     orderID,
		Carrier:     carrier,
		TrackingRef: trackingRef,
		Status:      "label_created",
		UpdatedAt:   time.Now().UTC(),
	}
	s.shipments[sh.ID] = sh
	o.ShipmentID = sh.ID
	o.Status = OrderShipped
	return *sh, nil
}

func (s *Store) Shipment(id string) (Shipment, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sh, ok := s.shipments[id]
	if !ok {
		return Shipment{}, ErrNotFound
	}
	return *sh, nil
}

func (s *Store) SetShipmentStatus(id, status string, at time.Time) (Shipment, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sh, ok := s.shipments[id]
	if !ok {
		return Shipment{}, ErrNotFound
	}
	sh.Status = status
	sh.UpdatedAt = at
	return *sh, nil
}
