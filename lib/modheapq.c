/* heapq: heappush heappop heapify heapreplace heappushpop over a list (a min-heap with
 * heap[k] <= heap[2k+1] and heap[2k+2], compared with <). */
#include "obj.h"

static bool less(mt_obj_t a, mt_obj_t b) {
    if (MT_IS_SMALL_INT(a) && MT_IS_SMALL_INT(b)) return (mt_int_t)a < (mt_int_t)b;
    return mt_is_true(mt_binary_op(MT_BINOP_LT, a, b));
}

static mt_list_t *heap_arg(mt_obj_t o) {
    if (!mt_isinstance(o, &mt_type_list)) mt_raise_type_error("heap argument must be a list");
    return MT_OBJ_TO_PTR(o);
}

/* move items[pos] up towards the root */
static void sift_up(mt_list_t *h, size_t pos) {
    mt_obj_t item = h->items[pos];
    while (pos > 0) {
        size_t parent = (pos - 1) / 2;
        if (!less(item, h->items[parent])) break;
        h->items[pos] = h->items[parent];
        pos = parent;
    }
    h->items[pos] = item;
}

/* move items[pos] down to where both children are not smaller */
static void sift_down(mt_list_t *h, size_t pos) {
    size_t n = h->len;
    mt_obj_t item = h->items[pos];
    for (;;) {
        size_t child = 2 * pos + 1;
        if (child >= n) break;
        if (child + 1 < n && less(h->items[child + 1], h->items[child])) child++;
        if (!less(h->items[child], item)) break;
        h->items[pos] = h->items[child];
        pos = child;
    }
    h->items[pos] = item;
}

static mt_obj_t heapq_heappush(mt_obj_t heap, mt_obj_t item) {
    mt_list_t *h = heap_arg(heap);
    mt_list_append(heap, item);
    sift_up(h, h->len - 1);
    return MT_NONE;
}
static MT_DEFINE_FUN_2(heapq_heappush_obj, heapq_heappush);

static mt_obj_t heapq_heappop(mt_obj_t heap) {
    mt_list_t *h = heap_arg(heap);
    if (h->len == 0) mt_raise_msg(&mt_type_IndexError, "index out of range");
    mt_obj_t top = h->items[0];
    h->items[0] = h->items[--h->len];
    h->items[h->len] = MT_NULL;
    if (h->len) sift_down(h, 0);
    return top;
}
static MT_DEFINE_FUN_1(heapq_heappop_obj, heapq_heappop);

static mt_obj_t heapq_heapreplace(mt_obj_t heap, mt_obj_t item) {
    mt_list_t *h = heap_arg(heap);
    if (h->len == 0) mt_raise_msg(&mt_type_IndexError, "index out of range");
    mt_obj_t top = h->items[0];
    h->items[0] = item;
    sift_down(h, 0);
    return top;
}
static MT_DEFINE_FUN_2(heapq_heapreplace_obj, heapq_heapreplace);

static mt_obj_t heapq_heappushpop(mt_obj_t heap, mt_obj_t item) {
    mt_list_t *h = heap_arg(heap);
    if (h->len == 0 || !less(h->items[0], item)) return item;
    mt_obj_t top = h->items[0];
    h->items[0] = item;
    sift_down(h, 0);
    return top;
}
static MT_DEFINE_FUN_2(heapq_heappushpop_obj, heapq_heappushpop);

static mt_obj_t heapq_heapify(mt_obj_t heap) {
    mt_list_t *h = heap_arg(heap);
    for (size_t i = h->len / 2; i-- > 0;) sift_down(h, i);
    return MT_NONE;
}
static MT_DEFINE_FUN_1(heapq_heapify_obj, heapq_heapify);

static const mt_map_elem_t heapq_table[] = {
    {MT_ROM_QSTR(MT_QSTR___name__), MT_ROM_QSTR(MT_QSTR_heapq)},
    {MT_ROM_QSTR(MT_QSTR_heappush), MT_ROM_PTR(&heapq_heappush_obj)},
    {MT_ROM_QSTR(MT_QSTR_heappop), MT_ROM_PTR(&heapq_heappop_obj)},
    {MT_ROM_QSTR(MT_QSTR_heapify), MT_ROM_PTR(&heapq_heapify_obj)},
    {MT_ROM_QSTR(MT_QSTR_heapreplace), MT_ROM_PTR(&heapq_heapreplace_obj)},
    {MT_ROM_QSTR(MT_QSTR_heappushpop), MT_ROM_PTR(&heapq_heappushpop_obj)},
};
MT_DEFINE_MODULE(mt_module_heapq, heapq_table);
